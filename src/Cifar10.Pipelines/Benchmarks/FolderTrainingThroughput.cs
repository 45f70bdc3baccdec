using System.Diagnostics;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Runtime;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Data;
using Cifar10.Pipelines.Trainers;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// Training from image files through the library's front door (PNG class folders →
/// <c>LoadImagesFromFolders</c> → <c>MapValueToKey</c> → <c>ConvNet</c>) against the <see cref="Trainer"/>
/// on the same images read from CIFAR-10's binary files: one epoch each, alternating rounds, the best
/// of each kept. Both rates come from the trainer's own batch reports; the whole <c>Fit</c> (reading and
/// decoding every file once, training, ONNX export) is timed too.
/// </summary>
internal static class FolderTrainingThroughput
{
    public static FolderTrainingBench Measure(ModelDefinition definition, DataSplit split, BenchOptions options, IProgress<string>? status)
    {
        var root = Directory.CreateTempSubdirectory("cifar10-bench-folders-");
        try
        {
            status?.Report($"training {definition.Id} from files: writing {split.Train.Count:N0} training images as PNG");
            ImageFolderWriter.Write(split.Train, CifarClasses.Names, root.FullName);
            TrainerThroughput.Result? binary = null, files = null;
            double fitSeconds = double.MaxValue;
            for (int round = 1; round <= options.Rounds; round++)
            {
                status?.Report($"training {definition.Id}: from CIFAR-10's binary files, then from PNG files through ConvNet, round {round}/{options.Rounds}");
                var fromBinary = TrainerThroughput.Measure(definition, split, options.BatchSize, options.Seed);
                if (binary is null || fromBinary.SteadyImagesPerSecond > binary.SteadyImagesPerSecond) binary = fromBinary;
                var (fromFiles, seconds) = FitFromFiles(definition, root.FullName, options);
                if (files is null || fromFiles.SteadyImagesPerSecond > files.SteadyImagesPerSecond) files = fromFiles;
                fitSeconds = Math.Min(fitSeconds, seconds);
            }
            return new FolderTrainingBench(definition.Id, options.BatchSize, split.Train.Count, binary!.SteadyImagesPerSecond, files!.SteadyImagesPerSecond, fitSeconds);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    static (TrainerThroughput.Result Result, double FitSeconds) FitFromFiles(ModelDefinition definition, string root, BenchOptions options)
    {
        var mlContext = new MLContext(options.Seed);
        var view = mlContext.Data.LoadImagesFromFolders(root);
        var reports = new TrainerThroughput.BatchReports(options.BatchSize);
        var convNet = mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options
        {
            Definition = definition, Recipe = TrainingRecipes.Study, Epochs = 1, BatchSize = options.BatchSize, Seed = options.Seed,
            Device = ComputeDevice.Cpu, RecalibrateBatchNorm = false, Callbacks = [reports],
        });
        var clock = Stopwatch.StartNew();
        mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Append(convNet).Fit(view);
        return (reports.Summarise(convNet.LastFit!.TrainImages), clock.Elapsed.TotalSeconds);
    }
}
