using Cifar10.Core.Data;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Evaluation;

namespace Cifar10.Pipelines.Runs;

/// <summary><c>results.json</c> of a training run: test metrics (from ML.NET) and how training went.</summary>
public sealed record RunResults(
    string Model,
    int Seed,
    long TotalParameters,
    long TrainableParameters,
    long ForwardMultiplyAdds,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    double TrainingSeconds,
    double SecondsPerEpoch,
    double TrainAccuracy,
    double TrainInferenceAccuracy,
    double ValidationAccuracy,
    double ValidationLoss,
    double TestAccuracy,
    double TestLoss,
    DataSplitInfo Split,
    ClassificationMetrics TestMetrics)
{
    /// <summary>
    /// Overfitting: accuracy on the training images minus validation accuracy, both measured in
    /// inference mode with the kept weights (the training-time accuracy has dropout switched on,
    /// which hides overfitting in models with heavy dropout).
    /// </summary>
    public double GeneralisationGap => TrainInferenceAccuracy - ValidationAccuracy;

    /// <summary>
    /// The last epoch trained: what a run reports when it keeps the last weights instead of the
    /// best (Keras' <c>EarlyStopping</c> does unless <c>restore_best_weights=True</c>).
    /// </summary>
    public EpochRecord? LastEpoch { get; init; }

    /// <summary>
    /// The epoch after the first with the lowest validation accuracy (inference mode): how far a
    /// single epoch can fall while training accuracy keeps rising. Null when only one epoch ran.
    /// </summary>
    public EpochRecord? WorstEpoch { get; init; }

    /// <summary>The training passes' arithmetic (<c>fp32</c> or <c>bf16</c> in the file). Null in runs written before it was recorded.</summary>
    public TrainingPrecision? Precision { get; init; }

    /// <summary>The recipe's name (<c>study</c>, <c>fast</c>). Null in runs written before it was recorded.</summary>
    public string? Recipe { get; init; }

    /// <summary>Views per test image behind <see cref="TestAccuracy"/> (the recipe's test-time augmentation; 1: none). Null in runs written before it was recorded.</summary>
    public int? TestViews { get; init; }

    /// <summary>Test accuracy with one view per image when <see cref="TestViews"/> is more than 1 (null otherwise): what <c>model.onnx</c> scores.</summary>
    public double? SingleViewTestAccuracy { get; init; }

    /// <summary>The results of a trained and evaluated run.</summary>
    public static RunResults From(TrainedRun run, RunEvaluation evaluation)
    {
        var model = run.Request.Model;
        var history = run.History;
        var best = history.Best;
        return new RunResults(model.Id, run.Request.Seed, model.TotalParameters, model.TrainableParameters, model.MultiplyAdds,
            history.Epochs.Count, history.BestEpoch, history.StoppedEarly, history.TotalSeconds, history.SecondsPerEpoch,
            best.TrainAccuracy, evaluation.TrainInferenceAccuracy, best.ValidationAccuracy, best.ValidationLoss,
            evaluation.Test.MicroAccuracy, evaluation.Test.LogLoss, run.Split.Info, evaluation.Test)
        {
            LastEpoch = history.Epochs[^1],
            WorstEpoch = history.Epochs.Skip(1).MinBy(e => e.ValidationAccuracy),
            Precision = run.Precision,
            Recipe = run.Request.Recipe.Name,
            TestViews = run.Request.Recipe.EvaluationViews.Count,
            SingleViewTestAccuracy = evaluation.SingleViewTestAccuracy,
        };
    }
}
