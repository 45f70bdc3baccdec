using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Pipelines.Benchmarks;
using Cifar10.Tests.Shared;
using Xunit.Abstractions;

namespace Cifar10.Pipelines.Tests;

/// <summary>The bench logic end to end with tiny counts: it runs, writes readable files, and counts FLOPs from the architecture. Timings never decide a verdict.</summary>
public class BenchSmokeTests(ITestOutputHelper output)
{
    static readonly BenchOptions Tiny = new()
    {
        MatmulSize = 256,
        MatmulRepeats = 2,
        WarmupSteps = 1,
        RawSteps = 2,
        TrainerBatches = 2,
        BatchSize = 32,
        Rounds = 1,
        InferenceImages = 300,
        InferenceBatchSize = 128,
        LatencyCalls = 20,
        BatchSizes = [16, 32, 100_000],
    };

    [RealDataFact]
    public void A_tiny_bench_writes_bench_json_with_positive_numbers_and_architecture_flops()
    {
        using var folder = new TempDirectory();
        using var data = new ImageDataset(RealCifar.Train1.Take(1000), RealCifar.Test.Take(300), CifarClasses.Names, RealCifar.Directory!);

        BenchRunner.Run(data, Tiny, folder.Path);

        var results = BenchRunner.Read(folder.File(BenchRunner.Json));
        output.WriteLine(File.ReadAllText(folder.File(BenchRunner.Json)));
        using (PngAssert.Readable(folder.File(BenchRunner.Chart), minColours: 6, width: 2160, height: 480)) { }
        Assert.True(results.Matmul.Gflops > 0);
        Assert.Equal(ModelZoo.StudyModels, results.Training.Select(t => t.Model));
        Assert.Equal(ModelZoo.StudyModels, results.Inference.Select(i => i.Model));
        foreach (var t in results.Training)
        {
            Assert.Equal(ModelZoo.Get(t.Model).TrainingFlops, t.FlopsPerImage);
            Assert.All([t.RawImagesPerSecond, t.TrainerImagesPerSecond, t.TrainerEpochImagesPerSecond, t.TrainerImages, t.TrainerRatio, t.TrainerGflops], v => Assert.True(v > 0, $"{t.Model}: {v}"));
        }
        foreach (var i in results.Inference)
        {
            Assert.Equal(300, i.Images);
            Assert.All([i.TorchImagesPerSecond, i.OrtDefaultImagesPerSecond, i.OrtTunedImagesPerSecond, i.MlNetImagesPerSecond, i.LatencyP50Milliseconds, i.LatencyP99Milliseconds],
                v => Assert.True(v > 0 && double.IsFinite(v), $"{i.Model}: {v}"));
            Assert.True(i.LatencyP99Milliseconds >= i.LatencyP50Milliseconds);
        }
        var precision = Assert.IsType<PrecisionBench>(results.Precision);
        Assert.Equal("fast", precision.Model);
        // The fast recipe's batch, or all the training images when a bench this tiny has fewer (the trainer refuses a larger batch).
        Assert.InRange(precision.BatchSize, 1, Core.Training.TrainingRecipes.Fast.BatchSize);
        Assert.True(precision.Float32ImagesPerSecond > 0 && double.IsFinite(precision.Float32ImagesPerSecond), $"fp32: {precision.Float32ImagesPerSecond}");
        // bfloat16 is timed exactly where the CPU has it natively.
        Assert.Equal(Core.Runtime.BFloat16Support.OnThisCpu, precision.BFloat16ImagesPerSecond is > 0 && precision.BFloat16Speedup is > 0 and < double.PositiveInfinity);
        var batches = Assert.IsType<BatchSizeBench>(results.BatchSizes);
        Assert.Equal("fast", batches.Model);
        Assert.Equal([16, 32], batches.Rows.Select(r => r.BatchSize)); // a size above the training images is left out
        Assert.All(batches.Rows, r => Assert.True(r.ImagesPerSecond > 0 && double.IsFinite(r.ImagesPerSecond), $"batch {r.BatchSize}: {r.ImagesPerSecond}"));
        Assert.NotEmpty(results.Targets);
    }

    [Fact]
    public void Bad_options_are_one_line_errors()
    {
        var error = Assert.Throws<Core.CifarException>(() => (Tiny with { RawSteps = 0 }).Validate());
        Assert.Equal("bench: raw steps 0 must be a positive number.", error.Message);
        Assert.ThrowsAny<Core.CifarException>(() => (Tiny with { Models = ["cnn-4x4"] }).Validate());
        Assert.ThrowsAny<Core.CifarException>(() => (Tiny with { PrecisionModel = "vgg" }).Validate());
        Assert.ThrowsAny<Core.CifarException>(() => (Tiny with { PeakModel = "vgg" }).Validate());
        Assert.Equal("bench: batch sizes 64, 0 must be positive numbers.", Assert.Throws<Core.CifarException>(() => (Tiny with { BatchSizes = [64, 0] }).Validate()).Message);
    }
}
