namespace Cifar10.Pipelines.Benchmarks;

/// <summary>Everything one <c>cifar10 bench</c> measured, in one process, written as <c>bench.json</c>.</summary>
public sealed record BenchResults(
    DateTime CreatedUtc,
    bool Quick,
    BenchMachine Machine,
    IReadOnlyDictionary<string, string> Versions,
    MatmulResult Matmul,
    IReadOnlyList<TrainingBench> Training,
    IReadOnlyList<InferenceBench> Inference,
    IReadOnlyList<BenchTarget> Targets)
{
    /// <summary>float32 against bfloat16 training passes (null in bench files written before it was measured).</summary>
    public PrecisionBench? Precision { get; init; }
    /// <summary>Training from image files through ConvNet against the binary path (null in bench files written before it was measured).</summary>
    public FolderTrainingBench? Folder { get; init; }
    /// <summary>Images/s of one network at several batch sizes (null in bench files written before it was measured).</summary>
    public BatchSizeBench? BatchSizes { get; init; }
}

/// <summary>Where the numbers were measured.</summary>
public sealed record BenchMachine(int Cores, int TorchThreads, int OrtIntraOpThreads, string Os);

/// <summary>The fp32 matmul peak.</summary>
public sealed record MatmulResult(int Size, int Repeats, double Seconds, double Gflops);

/// <summary>
/// Training throughput of one model at one batch size: the raw loop (one pre-made float batch,
/// forward + backward + Adam) against the real <c>Trainer</c> on real data. FLOPs per image are
/// <c>ModelDefinition.TrainingFlops</c> (3 × forward, 2 FLOPs a multiply-add).
/// </summary>
public sealed record TrainingBench(
    string Model,
    int BatchSize,
    long FlopsPerImage,
    int RawSteps,
    double RawImagesPerSecond,
    int TrainerImages,
    double TrainerImagesPerSecond,
    double TrainerEpochImagesPerSecond,
    string TrainerTiming)
{
    /// <summary>Trainer images/s ÷ raw-loop images/s.</summary>
    public double TrainerRatio => TrainerImagesPerSecond / RawImagesPerSecond;
    /// <summary>Achieved GFLOP/s of the raw loop.</summary>
    public double RawGflops => RawImagesPerSecond * FlopsPerImage / 1e9;
    /// <summary>Achieved GFLOP/s of the trainer.</summary>
    public double TrainerGflops => TrainerImagesPerSecond * FlopsPerImage / 1e9;
}

/// <summary>
/// The real <c>Trainer</c> on real images with float32 training passes and with bfloat16 mixed
/// precision (<c>TrainingPrecision.BFloat16</c>), alternating in one process, the best round of each kept.
/// bfloat16 is measured only where the CPU computes it natively (<c>BFloat16Support.OnThisCpu</c>):
/// emulated, it is many times slower, the fast recipe never picks it, and timing it would hold a
/// quick bench for a quarter of an hour. Null there.
/// </summary>
public sealed record PrecisionBench(string Model, int BatchSize, int Images, double Float32ImagesPerSecond, double? BFloat16ImagesPerSecond)
{
    /// <summary>bfloat16 images/s ÷ float32 images/s (null where bfloat16 was not measured).</summary>
    public double? BFloat16Speedup => BFloat16ImagesPerSecond / Float32ImagesPerSecond;
}

/// <summary>
/// The real <c>Trainer</c> on the same real images at several batch sizes, in the precision the fast
/// recipe resolves to on this machine (<c>TrainingPrecision.Auto</c>): whether large batches keep
/// their speed per image.
/// </summary>
public sealed record BatchSizeBench(string Model, Core.Training.TrainingPrecision Precision, int Images, IReadOnlyList<BatchSizeRow> Rows);

/// <summary>Training images/s (batches 2…last) at one batch size.</summary>
public sealed record BatchSizeRow(int BatchSize, double ImagesPerSecond);

/// <summary>
/// Training images/s of one model from PNG class folders through <c>LoadImagesFromFolders</c> and the
/// <c>ConvNet</c> trainer, against the <c>Trainer</c> on the same images from CIFAR-10's binary files
/// (one epoch each, batches 2…last, best round of each). <c>FolderFitSeconds</c> is the whole
/// one-epoch <c>Fit</c>: reading and decoding every file once, training, validation, ONNX export.
/// </summary>
public sealed record FolderTrainingBench(string Model, int BatchSize, int Images, double BinaryImagesPerSecond, double FolderImagesPerSecond, double FolderFitSeconds)
{
    /// <summary>From files ÷ from the binary files.</summary>
    public double Ratio => FolderImagesPerSecond / BinaryImagesPerSecond;
}

/// <summary>
/// Inference on real test images: TorchSharp eval, ONNX Runtime directly (default and tuned session
/// options), ML.NET <c>Transform</c>, and single-image PredictionEngine latency.
/// </summary>
public sealed record InferenceBench(
    string Model,
    int Images,
    int BatchSize,
    double TorchImagesPerSecond,
    double OrtDefaultImagesPerSecond,
    double OrtTunedImagesPerSecond,
    double MlNetImagesPerSecond,
    int LatencyCalls,
    double LatencyP50Milliseconds,
    double LatencyP99Milliseconds)
{
    /// <summary>The faster ONNX Runtime configuration ÷ TorchSharp eval.</summary>
    public double OrtSpeedup => Math.Max(OrtDefaultImagesPerSecond, OrtTunedImagesPerSecond) / TorchImagesPerSecond;
    /// <summary>ML.NET Transform ÷ TorchSharp eval.</summary>
    public double MlNetSpeedup => MlNetImagesPerSecond / TorchImagesPerSecond;
}

/// <summary>One target of the issue with its measured value; <c>Met</c> is information, never a test verdict.</summary>
public sealed record BenchTarget(string Name, string Measured, string Goal, bool Met);
