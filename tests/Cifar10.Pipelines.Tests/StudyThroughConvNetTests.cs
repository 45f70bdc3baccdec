using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Data;
using Cifar10.Pipelines.Runs;
using Cifar10.Pipelines.Trainers;
using Cifar10.Tests.Shared;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// CIFAR-10 through the ML.NET front door (<c>LoadCifar10</c> → <c>MapValueToKey</c> → <c>ConvNet</c>) trains
/// exactly as the study's run does from the binary files: same seed, same split, same per-epoch history.
/// Runs alone: TorchSharp's random generator is process-wide, so a training in a parallel test would
/// draw from the same stream and change these histories.
/// </summary>
[Collection(nameof(SeededTrainingCollection))]
public class StudyThroughConvNetTests
{
    [RealDataTheory]
    [InlineData("dense", "study", 2)]
    [InlineData("cnn-3x3", "study", 2)]
    [InlineData("fast-half", "fast", 1)]
    public void ConvNet_on_the_cifar10_view_reproduces_the_study_runs_history(string model, string recipeName, int epochs)
    {
        const int seed = 7, images = 1000;
        var recipe = TrainingRecipes.Get(recipeName) with { Epochs = epochs };
        using var temp = new TempDirectory();
        using var data = new ImageDataset(RealCifar.Train1.Take(images), RealCifar.Test.Take(10), CifarClasses.Names, RealCifar.Directory!);
        using var study = TrainingRun.Train(data, new RunRequest(ModelZoo.Get(model), recipe, new RunFolder(temp.File("study"))) { Seed = seed });

        var mlContext = new MLContext(seed);
        var view = mlContext.Data.TakeRows(mlContext.Data.LoadCifar10(Cifar10Subset.Train, RealCifar.Directory), images);
        var convNet = mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options
        {
            ImageColumnName = "Image", Architecture = model, Recipe = recipe, Seed = seed, RecalibrateBatchNorm = false,
        });
        // Keys by value: alphabetical order is CIFAR-10's label order.
        mlContext.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Append(convNet).Fit(view);

        var fit = convNet.LastFit!;
        Assert.Equal(CifarClasses.Names, fit.ClassNames);
        Assert.Equal((study.Split.Train.Count, study.Split.Validation.Count), (fit.TrainImages, fit.ValidationImages));
        Assert.Equal(study.History.Epochs.Select(e => e with { Seconds = 0 }), fit.History.Epochs.Select(e => e with { Seconds = 0 }));
    }
}
