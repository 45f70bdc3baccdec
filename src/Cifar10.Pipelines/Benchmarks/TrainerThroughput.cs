using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// The real <see cref="Trainer"/> for one epoch on real images (shuffling, batching, scaling,
/// metrics), timed from its own per-batch logs so the validation pass after the
/// epoch is not counted.
/// </summary>
internal static class TrainerThroughput
{
    /// <summary>What the trainer's batch reports say.</summary>
    /// <param name="Images">Training images in the epoch.</param>
    /// <param name="EpochImagesPerSecond">The last batch report's figure: every training batch, the first included.</param>
    /// <param name="SteadyImagesPerSecond">Batches 2…last only: the first pays one-off costs (Adam's state, the new model's first pass), as the raw loop's warm-up does.</param>
    public sealed record Result(int Images, double EpochImagesPerSecond, double SteadyImagesPerSecond);

    /// <summary>Trains a fresh model for one epoch on <paramref name="split"/>'s training images.</summary>
    public static Result Measure(ModelDefinition definition, DataSplit split, int batchSize, int seed, TrainingPrecision precision = TrainingPrecision.Float32)
    {
        var reports = new BatchReports(batchSize);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 1, BatchSize = batchSize, Precision = precision }, CPU, seed);
        using var model = trainer.CreateModel(definition);
        trainer.Fit(model, split.Train, split.Validation, InputScaling.Unit, [reports]);
        return reports.Summarise(split.Train.Count);
    }

    /// <summary>Collects the full batches' reports (a last, partial batch is left out, so images seen follow from the batch number).</summary>
    internal sealed class BatchReports(int batchSize) : ITrainingCallback
    {
        readonly List<(double Seen, double Seconds)> _batches = [];

        public void OnBatchEnd(TrainingContext context, BatchLogs logs)
        {
            if (logs.ImagesPerSecond <= 0 || (logs.Batch == logs.Batches && _batches.Count > 0)) return;
            // ImagesPerSecond is images seen ÷ seconds since the epoch began.
            var seen = (double)logs.Batch * batchSize;
            _batches.Add((seen, seen / logs.ImagesPerSecond));
        }

        public Result Summarise(int images)
        {
            if (_batches.Count == 0) throw new InvalidOperationException("the trainer reported no batches");
            var (firstSeen, firstSeconds) = _batches[0];
            var (lastSeen, lastSeconds) = _batches[^1];
            var epoch = lastSeen / lastSeconds;
            var steady = _batches.Count > 1 ? (lastSeen - firstSeen) / (lastSeconds - firstSeconds) : epoch;
            return new Result(images, epoch, steady);
        }
    }
}
