using System.Globalization;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>The targets of the "fast and hard to break" issue, checked against one bench's numbers.</summary>
internal static class BenchTargets
{
    /// <summary>Trainer ÷ raw loop.</summary>
    public const double TrainerRatio = 0.97;
    /// <summary>Training GFLOP/s ÷ matmul peak, for the model <see cref="BenchOptions.PeakModel"/> names.</summary>
    public const double PeakFraction = 0.50;
    /// <summary>ONNX Runtime / ML.NET batch scoring ÷ TorchSharp eval.</summary>
    public const double ScoringSpeedup = 1.5;
    /// <summary>ConvNet training images/s from files ÷ from CIFAR-10's binary files.</summary>
    public const double FolderRatio = 0.95;
    /// <summary>PredictionEngine single-image p99, milliseconds.</summary>
    public const double LatencyP99Milliseconds = 2.0;

    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>One row per target and model measured.</summary>
    public static IReadOnlyList<BenchTarget> Evaluate(MatmulResult matmul, IReadOnlyList<TrainingBench> training, IReadOnlyList<InferenceBench> inference, string peakModel, FolderTrainingBench? folder = null)
    {
        var targets = new List<BenchTarget>();
        if (folder is not null)
            targets.Add(new($"{folder.Model}: ConvNet from image files ÷ Trainer from the binary files", $"{folder.Ratio:F3} ({folder.FolderImagesPerSecond:N0} vs {folder.BinaryImagesPerSecond:N0} images/s)", $"≥ {FolderRatio:F2}", folder.Ratio >= FolderRatio));
        foreach (var t in training)
            targets.Add(new($"{t.Model}: trainer ÷ raw loop", t.TrainerRatio.ToString("F3", C), $"≥ {TrainerRatio:F2}", t.TrainerRatio >= TrainerRatio));
        foreach (var t in training.Where(t => t.Model == peakModel))
        {
            var fraction = t.TrainerGflops / matmul.Gflops;
            targets.Add(new($"{t.Model}: trainer GFLOP/s ÷ matmul peak", $"{fraction:P1} ({t.TrainerGflops:F1} of {matmul.Gflops:F1} GFLOP/s)", $"≥ {PeakFraction:P0}", fraction >= PeakFraction));
        }
        foreach (var i in inference)
        {
            targets.Add(new($"{i.Model}: ONNX Runtime ÷ TorchSharp eval", $"{i.OrtSpeedup:F2}×", $"≥ {ScoringSpeedup:F1}×", i.OrtSpeedup >= ScoringSpeedup));
            targets.Add(new($"{i.Model}: ML.NET Transform ÷ TorchSharp eval", $"{i.MlNetSpeedup:F2}×", $"≥ {ScoringSpeedup:F1}×", i.MlNetSpeedup >= ScoringSpeedup));
            targets.Add(new($"{i.Model}: PredictionEngine p99", $"{i.LatencyP99Milliseconds:F3} ms", $"< {LatencyP99Milliseconds:F0} ms", i.LatencyP99Milliseconds < LatencyP99Milliseconds));
        }
        return targets;
    }
}
