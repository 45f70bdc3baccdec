using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Scoring;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Evaluation;
using Cifar10.Pipelines.Plots;
using Microsoft.ML;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// One training run end to end: split, train, evaluate on the test set with ML.NET, and write
/// the run folder (model.bin, model.json, history.json/csv, results.json, learning-curves.png).
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs the request on <paramref name="data"/>; returns the results and test probabilities.</summary>
    public static TrainingRunOutcome Execute(CifarDataset data, TrainRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        AtomicFile.EnsureDirectory(request.OutputDirectory);
        using var split = DataSplit.Create(data, request.Options.Seed, request.TrainLimit, request.Options.ValidationFraction, request.TestLimit);
        var scaling = PixelScaling.FromOption(request.Normalize, split.Train);
        var options = request.Options with { CheckpointPath = request.CheckpointPath, Resume = request.Resume };
        var trainer = new Trainer(options, request.Device) { Progress = progress };
        using var model = trainer.CreateModel(request.Model);
        var history = trainer.Fit(model, split, scaling, cancel);

        using var probabilities = ModelEvaluator.PredictProbabilities(model, split.Test.Pixels, scaling, request.Device, request.Options.EvaluationBatchSize, request.Options.TestTimeViews);
        var (testLoss, testAccuracy) = ModelEvaluator.LossAndAccuracy(probabilities, split.Test.Labels);
        var probabilityArray = probabilities.data<float>().ToArray();
        var labels = split.Test.LabelArray();
        var metrics = new MulticlassEvaluator(new MLContext(request.Options.Seed)).Evaluate(probabilityArray, labels, data.ClassNames);

        var best = history.Best;
        var (_, trainInferenceAccuracy) = ModelEvaluator.Evaluate(model, split.Train, scaling, request.Device, request.Options.EvaluationBatchSize);
        var results = new RunResults(request.Model.Id, request.Options.Seed, request.Model.TotalParameters, request.Model.TrainableParameters,
            request.Model.MultiplyAdds, history.Epochs.Count, history.BestEpoch, history.StoppedEarly, history.TotalSeconds, history.SecondsPerEpoch,
            best.TrainAccuracy, trainInferenceAccuracy, best.ValidationAccuracy, best.ValidationLoss, metrics.MicroAccuracy, metrics.LogLoss, split.Info, metrics)
        {
            LastEpoch = history.Epochs[^1],
            WorstEpoch = history.Epochs.Skip(1).MinBy(e => e.ValidationAccuracy),
            Precision = request.Options.Precision.ToOptionName(),
        };

        var card = new ModelCard
        {
            Architecture = request.Model.Id,
            Kernel = request.Model.Layers.Select(l => l.Spec).OfType<Core.Models.Conv2DSpec>().FirstOrDefault()?.Kernel,
            Normalization = scaling,
            ClassNames = data.ClassNames,
            Seed = request.Options.Seed,
            Split = split.Info,
            TotalParameters = request.Model.TotalParameters,
            TrainableParameters = request.Model.TrainableParameters,
            TestAccuracy = testAccuracy,
            TestLoss = testLoss,
        };
        TrainedModel.Save(request.OutputDirectory, model, card);
        // Every run ships its model: model.onnx, checked by ONNX Runtime before it replaces anything.
        OnnxExporter.Write(OnnxExporter.Build(request.Model, model, scaling, data.ClassNames), Path.Combine(request.OutputDirectory, OnnxContract.FileName),
            temp => OnnxModelValidator.Validate(temp));
        HistoryFiles.Write(request.OutputDirectory, history);
        AtomicFile.WriteAllText(Path.Combine(request.OutputDirectory, RunResults.FileName), JsonSerializer.Serialize(results, ModelCard.Json));
        LearningCurvesPlot.Save(Path.Combine(request.OutputDirectory, "learning-curves.png"), request.Model.Id, history);
        return new TrainingRunOutcome(request.OutputDirectory, results, history, probabilityArray, labels);
    }
}

/// <summary>What a run produced, for callers that go on to compare runs.</summary>
public sealed record TrainingRunOutcome(string Directory, RunResults Results, TrainingHistory History, float[] TestProbabilities, long[] TestLabels);
