using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Evaluation;
using Cifar10.Pipelines.Plots;
using Cifar10.Scoring;
using Microsoft.ML;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// One training run in three steps: <c>Train</c> (split, scale, fit), <see cref="Evaluate"/>
/// (one pass over the test set, measured by ML.NET) and <see cref="Package"/> (the run folder: model,
/// ONNX export, history, results, learning curves). <see cref="Execute"/> does all three.
/// </summary>
public static class TrainingRun
{
    /// <summary>Trains, evaluates and packages <paramref name="request"/>; <paramref name="callbacks"/> run after the recipe's own and before the checkpoint.</summary>
    public static TrainingRunOutcome Execute(ImageDataset data, RunRequest request, IEnumerable<ITrainingCallback>? callbacks = null, CancellationToken cancel = default)
    {
        using var trained = Train(data, request, callbacks, cancel);
        return Package(trained, Evaluate(trained));
    }

    /// <summary>Splits the data, fits the input scaling and trains; the run folder gets its checkpoint and history CSV as epochs end.</summary>
    public static TrainedRun Train(ImageDataset data, RunRequest request, IEnumerable<ITrainingCallback>? callbacks = null, CancellationToken cancel = default) =>
        Train(data, request, _ => callbacks ?? [], cancel);

    /// <summary>As <see cref="Train(ImageDataset, RunRequest, IEnumerable{ITrainingCallback}?, CancellationToken)"/>, with callbacks made for the run's split (callbacks that need its images).</summary>
    public static TrainedRun Train(ImageDataset data, RunRequest request, Func<DataSplit, IEnumerable<ITrainingCallback>> callbacksFor, CancellationToken cancel = default)
    {
        var split = DataSplit.Create(data, request.Seed, request.TrainLimit, request.Recipe.ValidationFraction, request.TestLimit); // too little data fails before any file is written
        var folder = request.Folder.Create();
        try
        {
            var scaling = InputScaling.Fit(request.Recipe.InputScaling, split.Train);
            var trainer = new Trainer(request.Recipe, request.Device, request.Seed) { TestCurveImages = request.TestCurve ? split.Test : null };
            var module = trainer.CreateModel(request.Model);
            try
            {
                var history = trainer.Fit(module, split.Train, split.Validation, scaling,
                    [folder.HistoryCsv(), .. callbacksFor(split), folder.Checkpoint(request.Resume, request.CheckpointSettings()), folder.ManifestRemoval()], cancel);
                return new TrainedRun(request, module, scaling, trainer.Precision, history, split, data.ClassNames);
            }
            catch
            {
                module.Dispose();
                throw;
            }
        }
        catch
        {
            split.Dispose();
            throw;
        }
    }

    /// <summary>Scores the test images once (with the recipe's evaluation views) and measures them with ML.NET; also the accuracy on the training images.</summary>
    public static RunEvaluation Evaluate(TrainedRun run)
    {
        var (probabilities, plain) = run.ProbabilitiesWithPlain(run.Split.Test);
        using (probabilities)
        using (plain)
        {
            var scores = probabilities.data<float>().ToArray();
            var labels = run.Split.Test.LabelArray();
            var metrics = new MulticlassEvaluator(new MLContext(run.Request.Seed)).Evaluate(scores, labels, run.ClassNames);
            var (_, trainAccuracy) = ModelEvaluator.Evaluate(run.Module, run.Split.Train, run.Scaling, run.Request.Device, run.Request.Recipe.EvaluationBatchSize);
            // With test-time augmentation, also what one view scores (the plain model.onnx and model.zip score that way), from the same passes.
            double? singleView = plain is null ? null : ModelEvaluator.LossAndAccuracy(plain, run.Split.Test.Labels).Accuracy;
            return new RunEvaluation(metrics, scores, labels, trainAccuracy, singleView);
        }
    }

    /// <summary>Writes the run folder: weights and card, <c>model.onnx</c> (checked by ONNX Runtime first), <c>model.zip</c> (the ML.NET model), history, results, learning curves, and last <c>manifest.json</c>.</summary>
    public static TrainingRunOutcome Package(TrainedRun run, RunEvaluation evaluation)
    {
        var request = run.Request;
        var folder = request.Folder;
        var results = RunResults.From(run, evaluation);
        folder.SaveModel(run.Module, ModelCardFor(run, evaluation));
        folder.WriteOnnx(OnnxExporter.Build(request.Model, run.Module, run.Scaling, run.ClassNames), temp => OnnxModelValidator.Validate(temp));
        MlNetModel.WriteZip(folder, request.Model, run.Module, run.Scaling, run.ClassNames);
        folder.WriteHistory(run.History);
        folder.WriteResults(results);
        LearningCurvesPlot.Save(folder.LearningCurvesPath, request.Model.Id, run.History);
        folder.WriteManifest(); // last: its presence says every file above belongs to this run
        return new TrainingRunOutcome(folder.Path, results, run.History, evaluation.TestProbabilities, evaluation.TestLabels);
    }

    static ModelCard ModelCardFor(TrainedRun run, RunEvaluation evaluation) => new()
    {
        Architecture = run.Request.Model.Id,
        Definition = run.Request.Model,
        Kernel = run.Request.Model.Layers.Select(l => l.Spec).OfType<Core.Models.Conv2DSpec>().FirstOrDefault()?.Kernel,
        InputScaling = run.Scaling,
        ClassNames = run.ClassNames,
        Seed = run.Request.Seed,
        Split = run.Split.Info,
        TotalParameters = run.Request.Model.TotalParameters,
        TrainableParameters = run.Request.Model.TrainableParameters,
        TestAccuracy = evaluation.Test.MicroAccuracy,
        TestLoss = evaluation.Test.LogLoss,
        EvaluationViews = run.Request.Recipe.EvaluationViews is { Count: > 1 } views ? views : null,
        SingleViewTestAccuracy = evaluation.SingleViewTestAccuracy,
    };
}

/// <summary>What a run produced, for callers that go on to compare runs.</summary>
public sealed record TrainingRunOutcome(string Directory, RunResults Results, TrainingHistory History, float[] TestProbabilities, long[] TestLabels);
