using Cifar10.Core.Training;

namespace Cifar10.Core.Tests;

/// <summary>
/// libtorch's random generator (weight initialisation, dropout) is one per process, so a run is
/// repeatable only while nothing else in the process draws from it — true of the CLI, not of
/// test classes that xunit runs in parallel. These tests therefore run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTorchCollection
{
    public const string Name = "serial torch";
}

[Collection(SerialTorchCollection.Name)]
public class DeterminismTests
{
    [Fact]
    public void Same_seed_and_threads_give_an_identical_history()
    {
        var a = TrainerTests.TrainSmall("cnn-3x3", seed: 5, trainLimit: 600, epochs: 2, out var accuracyA, testLimit: 200);
        var b = TrainerTests.TrainSmall("cnn-3x3", seed: 5, trainLimit: 600, epochs: 2, out var accuracyB, testLimit: 200);
        Assert.Equal(a.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.TrainAccuracy)), b.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.TrainAccuracy)));
        Assert.Equal(accuracyA, accuracyB);
        var c = TrainerTests.TrainSmall("cnn-3x3", seed: 6, trainLimit: 600, epochs: 2, out _, testLimit: 200);
        Assert.NotEqual(a.Epochs[0].TrainLoss, c.Epochs[0].TrainLoss);
    }
}
