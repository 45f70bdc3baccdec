using Cifar10.Core;
using Cifar10.Core.Models;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// How much work each measurement of <see cref="BenchRunner"/> does. <see cref="Full"/> takes a few
/// minutes on 2 cores; <see cref="Quick"/> one to two (CI); tests pass smaller counts still.
/// </summary>
public sealed record BenchOptions
{
    /// <summary>Models measured for training and inference.</summary>
    public IReadOnlyList<string> Models { get; init; } = ModelZoo.StudyModels;
    /// <summary>The model whose training GFLOP/s is held against the matmul peak (a convolutional network: a dense one is memory-bound).</summary>
    public string PeakModel { get; init; } = "cnn-3x3";
    /// <summary>The network whose Trainer epochs are timed in float32 and in bfloat16 mixed precision, at the fast recipe's batch size.</summary>
    public string PrecisionModel { get; init; } = "fast";
    /// <summary>Batch sizes at which <see cref="PrecisionModel"/> is timed in the fast recipe's precision (each at most the training images the bench reads).</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [64, 256, 512, 1024];
    /// <summary>Images per training step (the study's 128).</summary>
    public int BatchSize { get; init; } = 128;
    /// <summary>Side of the square fp32 matmul that gives the machine's practical peak.</summary>
    public int MatmulSize { get; init; } = 2048;
    /// <summary>Timed matmuls (after one warm-up).</summary>
    public int MatmulRepeats { get; init; } = 10;
    /// <summary>Untimed steps before each timed training measurement.</summary>
    public int WarmupSteps { get; init; } = 3;
    /// <summary>Timed steps of the raw forward/backward/Adam loop per round.</summary>
    public int RawSteps { get; init; } = 40;
    /// <summary>Training batches the real trainer runs per round (its training images ≈ this × batch size).</summary>
    public int TrainerBatches { get; init; } = 40;
    /// <summary>Alternating raw/trainer rounds; the best round of each counts, so a noisy moment on the host hurts neither side alone.</summary>
    public int Rounds { get; init; } = 3;
    /// <summary>Test images scored by each inference engine.</summary>
    public int InferenceImages { get; init; } = 10_000;
    /// <summary>Images per batch for TorchSharp eval and ONNX Runtime.</summary>
    public int InferenceBatchSize { get; init; } = 256;
    /// <summary>Timed single-image PredictionEngine calls.</summary>
    public int LatencyCalls { get; init; } = 2_000;
    /// <summary>Seed of the (untrained) weights, the data split and the synthetic batch.</summary>
    public int Seed { get; init; } = 7;
    /// <summary>True for the quick profile (recorded in bench.json).</summary>
    public bool IsQuick { get; init; }

    /// <summary>The few-minute profile.</summary>
    public static BenchOptions Full { get; } = new();

    /// <summary>The one-to-two-minute profile for CI.</summary>
    public static BenchOptions Quick { get; } = new()
    {
        MatmulRepeats = 4,
        WarmupSteps = 2,
        RawSteps = 15,
        TrainerBatches = 15,
        Rounds = 1,
        InferenceImages = 2_000,
        LatencyCalls = 500,
        BatchSizes = [64, 512],
        IsQuick = true,
    };

    /// <summary>Throws a one-line <see cref="CifarException"/> naming the bad setting.</summary>
    public BenchOptions Validate()
    {
        foreach (var model in Models.Append(PrecisionModel).Append(PeakModel)) ModelZoo.Get(model); // unknown ids fail here, before minutes of work
        if (Models.Count == 0) throw new CifarException("bench: at least one model is needed.");
        (string Name, int Value)[] positive =
        [
            ("batch size", BatchSize), ("matmul size", MatmulSize), ("matmul repeats", MatmulRepeats), ("raw steps", RawSteps),
            ("trainer batches", TrainerBatches), ("rounds", Rounds), ("inference images", InferenceImages),
            ("inference batch size", InferenceBatchSize), ("latency calls", LatencyCalls),
        ];
        foreach (var (name, value) in positive)
            if (value <= 0) throw new CifarException($"bench: {name} {value} must be a positive number.");
        if (BatchSizes.Any(b => b <= 0)) throw new CifarException($"bench: batch sizes {string.Join(", ", BatchSizes)} must be positive numbers.");
        if (WarmupSteps < 0) throw new CifarException($"bench: warm-up steps {WarmupSteps} must not be negative.");
        return this;
    }
}
