using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;

namespace Cifar10.Core.Tests;

/// <summary>Settings that cannot train are refused before the first step, and a diverging run stops at its first non-finite loss.</summary>
public class TrainingInputChecksTests
{
    [Fact]
    public void A_non_finite_loss_stops_training_at_that_step_with_no_epoch_finished()
    {
        var epochsEnded = new EpochCounter();
        var error = Assert.Throws<NonFiniteLossException>(() => SmallDenseFit.Run(TrainingRecipes.Study with { Epochs = 3, LearningRate = 1e30 }, epochsEnded));
        Assert.Equal(1, error.Epoch);
        Assert.InRange(error.Step, 0, 3);
        Assert.Equal(0, epochsEnded.Count);
        Assert.IsAssignableFrom<CifarException>(error);
        Assert.Contains("try a lower one", error.Message);
    }

    [Fact]
    public void A_batch_larger_than_the_training_images_is_refused_before_the_first_step()
    {
        var error = Assert.Throws<InvalidSettingException>(() => SmallDenseFit.Run(TrainingRecipes.Study with { Epochs = 1, BatchSize = int.MaxValue }));
        Assert.Equal(("BatchSize", int.MaxValue.ToString()), (error.Setting, error.Value));
        Assert.Equal($"is more than the {SmallDenseFit.TrainImages} training images (after the validation split); use at most {SmallDenseFit.TrainImages}.", error.Problem);
    }

    [Fact]
    public void A_train_limit_without_two_images_of_every_class_is_refused_naming_the_smallest_that_works()
    {
        var error = Assert.Throws<InvalidSettingException>(() => DataSplit.Create(TestData.Real, seed: 1, trainLimit: 28));
        Assert.Equal(("TrainLimit", "28"), (error.Setting, error.Value));
        Assert.EndsWith("the smallest limit that has them in this data is 29.", error.Problem);
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 29, testLimit: 1);
        Assert.All(split.Validation.ClassCounts(10), n => Assert.Equal(1, n));
    }

    sealed class EpochCounter : ITrainingCallback
    {
        public int Count { get; private set; }
        public void OnEpochEnd(TrainingContext context, EpochRecord logs) => Count++;
    }
}
