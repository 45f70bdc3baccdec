using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Runs;

/// <summary>One training run: which network, which recipe, which seed, how much data, and the folder it writes.</summary>
/// <param name="Model">The network.</param>
/// <param name="Recipe">How it is trained.</param>
/// <param name="Folder">Where the run's files go.</param>
public sealed record RunRequest(ModelDefinition Model, TrainingRecipe Recipe, RunFolder Folder)
{
    /// <summary>Drives the split, initialisation, shuffling, augmentation and dropout.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Where the model trains.</summary>
    public Device Device { get; init; } = CPU;
    /// <summary>Use only the first N training images (before the validation split).</summary>
    public int? TrainLimit { get; init; }
    /// <summary>Evaluate on only the first N test images.</summary>
    public int? TestLimit { get; init; }
    /// <summary>Continue from the folder's checkpoint when it has one.</summary>
    public bool Resume { get; init; }
    /// <summary>
    /// A diagnostic: score the test images after every epoch (see <see cref="Trainer.TestCurveImages"/>), so the history
    /// and <c>learning-curves.png</c> hold the accuracy-by-time curve. Off for timed runs: it costs one test pass per epoch.
    /// </summary>
    public bool TestCurve { get; init; }

    /// <summary>What the checkpoint records beside the recipe and seed, so that resuming with other values is refused.</summary>
    public IReadOnlyDictionary<string, object?> CheckpointSettings() => new Dictionary<string, object?>
    {
        ["Architecture"] = Model.Id, [nameof(TrainLimit)] = TrainLimit, [nameof(TestLimit)] = TestLimit,
    };
}
