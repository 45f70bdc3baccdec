using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// The real <see cref="Trainer"/> for one epoch on real images (shuffling, batching, scaling,
/// metrics), timed from its own per-batch progress reports so the validation pass after the
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
        var reports = new BatchReports(batchSize, split.Train.Count);
        var options = new TrainingOptions { Epochs = 1, BatchSize = batchSize, Seed = seed, EarlyStopping = false, Precision = precision };
        var trainer = new Trainer(options, CPU) { Progress = reports };
        using var model = trainer.CreateModel(definition);
        trainer.Fit(model, split, PixelScaling.UnitRange);
        return reports.Summarise();
    }

    // Synchronous on purpose: Progress<T> posts to the thread pool, so reports could arrive late.
    sealed class BatchReports(int batchSize, int images) : IProgress<TrainingProgress>
    {
        readonly List<(double Seen, double Seconds)> _batches = [];

        public void Report(TrainingProgress p)
        {
            if (p.CompletedEpoch is not null || p.Batch == 0 || p.ImagesPerSecond <= 0) return;
            // ImagesPerSecond is images seen ÷ seconds since the epoch began; the images seen follow from the batch number.
            var seen = Math.Min((double)p.Batch * batchSize, images);
            _batches.Add((seen, seen / p.ImagesPerSecond));
        }

        public Result Summarise()
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
