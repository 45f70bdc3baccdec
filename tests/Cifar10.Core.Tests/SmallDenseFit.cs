using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The dense model fitted on the first 500 real training images (451 after the split), seed 1: a run of a second or two.</summary>
internal static class SmallDenseFit
{
    /// <summary>The images it trains on.</summary>
    public const int TrainImages = 451;

    /// <summary>Fits with <paramref name="recipe"/> and <paramref name="callbacks"/>; returns the history.</summary>
    public static TrainingHistory Run(TrainingRecipe recipe, params ITrainingCallback[] callbacks)
    {
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 500, testLimit: 1);
        var trainer = new Trainer(recipe, CPU, seed: 1);
        using var module = trainer.CreateModel(ModelZoo.Dense());
        return trainer.Fit(module, split.Train, split.Validation, InputScaling.Unit, callbacks);
    }
}
