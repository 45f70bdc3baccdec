using Cifar10.Core.Data;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Runs;

/// <summary>What training produced, in memory: the trained module, how its inputs are scaled, its history and its data split.</summary>
public sealed class TrainedRun(RunRequest request, nn.Module<Tensor, Tensor> module, InputScaling scaling, TrainingPrecision precision,
    TrainingHistory history, DataSplit split, IReadOnlyList<string> classNames) : IDisposable
{
    /// <summary>What was asked for.</summary>
    public RunRequest Request { get; } = request;
    /// <summary>The trained network, with the weights the run kept.</summary>
    public nn.Module<Tensor, Tensor> Module { get; } = module;
    /// <summary>The input scaling fitted on the training images.</summary>
    public InputScaling Scaling { get; } = scaling;
    /// <summary>The training passes' arithmetic, as resolved on this device.</summary>
    public TrainingPrecision Precision { get; } = precision;
    /// <summary>Per-epoch history.</summary>
    public TrainingHistory History { get; } = history;
    /// <summary>The training, validation and test images.</summary>
    public DataSplit Split { get; } = split;
    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; } = classNames;

    /// <summary>The module's class probabilities on <paramref name="images"/> with the recipe's evaluation views (float32, on the CPU).</summary>
    public Tensor Probabilities(LabeledImages images) =>
        ModelEvaluator.PredictProbabilities(Module, images.Pixels, Scaling, Request.Device, Request.Recipe.EvaluationBatchSize, Request.Recipe.EvaluationViews);

    /// <summary>
    /// As <see cref="Probabilities"/>, and, when the recipe has several views, also the probabilities of the images
    /// alone, from the same passes (see <see cref="ModelEvaluator.PredictProbabilitiesWithPlain"/>).
    /// </summary>
    public (Tensor Mean, Tensor? Plain) ProbabilitiesWithPlain(LabeledImages images) =>
        ModelEvaluator.PredictProbabilitiesWithPlain(Module, images.Pixels, Scaling, Request.Device, Request.Recipe.EvaluationBatchSize, Request.Recipe.EvaluationViews);

    /// <inheritdoc />
    public void Dispose()
    {
        Module.Dispose();
        Split.Dispose();
    }
}
