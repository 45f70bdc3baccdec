using Cifar10.Pipelines.Experiments;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// The study at reduced scale, run once for all tests that read it: dense, cnn-3x3 and cnn-5x5,
/// two seeds each, the first 5,000 training images, batch 16 for 4 epochs (1,128 steps: the
/// Keras-default BatchNorm running statistics, momentum 0.99, need several hundred steps before
/// inference-mode accuracy means anything; at batch 128 for 5 epochs a CNN still tests near
/// chance; small batches buy those steps at the least cost), evaluated on the first 2,000 test images.
/// </summary>
public sealed class QuickExperimentFixture : IDisposable
{
    readonly TempDirectory _temp = new();

    public QuickExperimentFixture()
    {
        Options = new ExperimentOptions
        {
            Models = ExperimentModel.FromZoo(["dense", "cnn-3x3", "cnn-5x5"], recipe => recipe with { Epochs = 4, BatchSize = 16 }),
            Seeds = 2,
            TrainLimit = 5_000,
            TestLimit = TestImages,
            OutputDirectory = _temp.File("experiment"),
        };
        Results = ExperimentRunner.Run(TestData.Real, Options);
    }

    public const int TestImages = 2_000;

    public ExperimentOptions Options { get; }
    public ExperimentResults Results { get; }
    public string Directory => Options.OutputDirectory;
    public ModelResults Model(string id) => Results.Models.Single(m => m.Model == id);

    public void Dispose() => _temp.Dispose();
}

/// <summary>
/// Runs alone: libtorch's random generator is one per process, so the experiment is repeatable
/// only while no other test draws from it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuickExperimentCollection : ICollectionFixture<QuickExperimentFixture>
{
    public const string Name = "quick experiment";
}
