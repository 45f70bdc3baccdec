using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// <c>cifar10 bench</c>: the matmul peak, training throughput (raw loop vs <c>Trainer</c>),
/// float32 vs bfloat16 training passes of the fast network, training from image files through
/// <c>ConvNet</c> vs from the binary files, and
/// inference throughput (TorchSharp, ONNX Runtime, ML.NET, PredictionEngine latency), all in one
/// process so their ratios hold on a noisy host. Writes <c>bench.json</c> and <c>bench.png</c>.
/// Inference uses untrained weights from a fixed seed: throughput does not depend on their values.
/// </summary>
public static class BenchRunner
{
    /// <summary>File names written into the output folder.</summary>
    public const string Json = "bench.json", Chart = "bench.png";

    // The model card's options, but ≥, ÷ and × stay readable in the file.
    static readonly JsonSerializerOptions JsonOptions = new(RunFolder.Json) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs every measurement on <paramref name="data"/> and writes the files into <paramref name="outputDirectory"/>.</summary>
    /// <param name="data">Real CIFAR-10: training images feed the trainer, test images the inference engines.</param>
    /// <param name="options">How much work each measurement does.</param>
    /// <param name="outputDirectory">Where <c>bench.json</c> and <c>bench.png</c> go.</param>
    /// <param name="status">Receives a line before each measurement.</param>
    public static BenchResults Run(ImageDataset data, BenchOptions options, string outputDirectory, IProgress<string>? status = null)
    {
        options.Validate();
        AtomicFile.EnsureDirectory(outputDirectory);
        var definitions = options.Models.Select(id => ModelZoo.Get(id)).ToArray();

        status?.Report($"matmul {options.MatmulSize}³ × {options.MatmulRepeats}");
        var matmul = MatmulPeak.Measure(options.MatmulSize, options.MatmulRepeats, options.Seed);

        // The study's split: its (untimed) validation share is held out, so enough images are read to keep the trainer's batch count.
        var trainLimit = (int)Math.Ceiling(options.TrainerBatches * options.BatchSize / (1 - DataSplit.StudyValidationFraction));
        using var split = DataSplit.Create(data, options.Seed, trainLimit, testLimit: 0);
        var training = definitions.Select(d => MeasureTraining(d, split, options, status)).ToArray();
        var precision = MeasurePrecision(ModelZoo.Get(options.PrecisionModel), split, options, status);
        var batchSizes = MeasureBatchSizes(ModelZoo.Get(options.PrecisionModel), split, options, precision, status);
        var folder = FolderTrainingThroughput.Measure(ModelZoo.Get(options.PeakModel), split, options, status);
        var inference = definitions.Select(d => MeasureInference(d, data.Test, options, status)).ToArray();

        var results = new BenchResults(DateTime.UtcNow, options.IsQuick,
            new BenchMachine(Environment.ProcessorCount, get_num_threads(), Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription),
            Versions(), matmul, training, inference, BenchTargets.Evaluate(matmul, training, inference, options.PeakModel, folder)) { Precision = precision, Folder = folder, BatchSizes = batchSizes };
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, Json), JsonSerializer.Serialize(results, JsonOptions));
        BenchChart.Save(Path.Combine(outputDirectory, Chart), results);
        return results;
    }

    /// <summary>Reads a <c>bench.json</c>.</summary>
    public static BenchResults Read(string path) =>
        JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), JsonOptions) ?? throw new Core.CifarException($"{path}: empty bench file.");

    // Raw loop and trainer alternate, and each keeps its best round: a slow moment on a shared host then
    // lowers neither number alone, and the ratio compares like with like.
    static TrainingBench MeasureTraining(ModelDefinition definition, DataSplit split, BenchOptions options, IProgress<string>? status)
    {
        double raw = 0;
        TrainerThroughput.Result? trainer = null;
        using var loop = new RawTrainingLoop(definition, options.BatchSize, options.Seed);
        loop.Run(Math.Max(1, options.WarmupSteps));
        for (int round = 1; round <= options.Rounds; round++)
        {
            status?.Report($"training {definition.Id}: raw loop, round {round}/{options.Rounds}");
            raw = Math.Max(raw, loop.Run(options.RawSteps));
            status?.Report($"training {definition.Id}: Trainer on {split.Train.Count:N0} real images, round {round}/{options.Rounds}");
            trainer = Faster(trainer, TrainerThroughput.Measure(definition, split, options.BatchSize, options.Seed));
        }
        return new TrainingBench(definition.Id, options.BatchSize, definition.TrainingFlops, options.RawSteps, raw,
            trainer!.Images, trainer.SteadyImagesPerSecond, trainer.EpochImagesPerSecond,
            "training batches only, from the Trainer's per-batch ImagesPerSecond reports (validation pass excluded); first batch excluded like the raw loop's warm-up — epoch figure includes it");
    }

    // Alternating rounds, best of each, for the same reason as above.
    static PrecisionBench MeasurePrecision(ModelDefinition definition, DataSplit split, BenchOptions options, IProgress<string>? status)
    {
        // The fast recipe's batch, unless a tiny bench has fewer training images (the trainer refuses a batch larger than its data).
        var batchSize = Math.Min(TrainingRecipes.Fast.BatchSize, split.Train.Count);
        var native = Core.Runtime.BFloat16Support.OnThisCpu;
        TrainerThroughput.Result? float32 = null, bfloat16 = null;
        for (int round = 1; round <= options.Rounds; round++)
        {
            status?.Report($"training {definition.Id} at batch {batchSize}: fp32{(native ? " then bf16" : "")}, round {round}/{options.Rounds}");
            float32 = Faster(float32, TrainerThroughput.Measure(definition, split, batchSize, options.Seed, TrainingPrecision.Float32));
            if (native) bfloat16 = Faster(bfloat16, TrainerThroughput.Measure(definition, split, batchSize, options.Seed, TrainingPrecision.BFloat16));
        }
        return new PrecisionBench(definition.Id, batchSize, float32!.Images, float32.SteadyImagesPerSecond, bfloat16?.SteadyImagesPerSecond);
    }

    // One epoch over the same images at each size (sizes above the image count are left out): large
    // batches should be at least as fast per image as small ones; when they are not, memory traffic is the suspect.
    // The size and precision the precision bench timed already is taken from it, not trained again.
    static BatchSizeBench MeasureBatchSizes(ModelDefinition definition, DataSplit split, BenchOptions options, PrecisionBench measured, IProgress<string>? status)
    {
        var precision = Core.Runtime.BFloat16Support.Resolve(TrainingRecipes.Fast.Precision, TorchSharp.DeviceType.CPU);
        var known = precision == TrainingPrecision.Float32 ? measured.Float32ImagesPerSecond : measured.BFloat16ImagesPerSecond;
        var rows = new List<BatchSizeRow>();
        foreach (var batchSize in options.BatchSizes.Where(b => b <= split.Train.Count))
        {
            if (batchSize == measured.BatchSize && known is { } imagesPerSecond)
            {
                rows.Add(new(batchSize, imagesPerSecond));
                continue;
            }
            status?.Report($"training {definition.Id} at batch {batchSize} ({Core.EnumNames.Of(precision)})");
            rows.Add(new(batchSize, TrainerThroughput.Measure(definition, split, batchSize, options.Seed, precision).SteadyImagesPerSecond));
        }
        return new BatchSizeBench(definition.Id, precision, split.Train.Count, rows);
    }

    static TrainerThroughput.Result Faster(TrainerThroughput.Result? best, TrainerThroughput.Result result) =>
        best is null || result.SteadyImagesPerSecond > best.SteadyImagesPerSecond ? result : best;

    static InferenceBench MeasureInference(ModelDefinition definition, LabeledImages test, BenchOptions options, IProgress<string>? status)
    {
        status?.Report($"inference {definition.Id}: TorchSharp, ONNX Runtime, ML.NET, PredictionEngine");
        manual_seed(options.Seed);
        using var module = definition.CreateModule();
        module.eval();
        var folder = Directory.CreateTempSubdirectory("cifar10-bench-");
        try
        {
            var onnx = Path.Combine(folder.FullName, OnnxContract.FileName);
            OnnxExporter.Write(OnnxExporter.Build(definition, module, InputScaling.Unit), onnx);
            return InferenceThroughput.Measure(definition, module, onnx, test, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static Dictionary<string, string> Versions() => new(VersionInfo.Current())
    {
        ["onnxruntime"] = typeof(InferenceSession).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["mlnet"] = typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString() ?? "unknown",
    };
}
