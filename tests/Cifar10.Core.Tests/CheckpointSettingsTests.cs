using Cifar10.Core;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;

namespace Cifar10.Core.Tests;

/// <summary>A checkpoint records the run's settings: resuming with another value is refused; only the epochs may change.</summary>
public class CheckpointSettingsTests
{
    static TrainingHistory Train(string checkpoint, TrainingRecipe recipe, bool resume, int recordedTrainLimit = 500) =>
        SmallDenseFit.Run(recipe, new TrainingCheckpoint(checkpoint, resume, new Dictionary<string, object?> { ["Architecture"] = "dense", ["TrainLimit"] = recordedTrainLimit }));

    [Fact]
    public void Another_recipe_or_run_setting_is_refused_with_both_values_and_more_epochs_train_on()
    {
        using var temp = new TempDirectory();
        var checkpoint = temp.File("checkpoint.bin");
        var study = TrainingRecipes.Study with { Epochs = 1 };
        Train(checkpoint, study, resume: false);

        var learningRate = Assert.Throws<InvalidSettingException>(() => Train(checkpoint, study with { LearningRate = 0.01 }, resume: true));
        Assert.Equal(("LearningRate", "0.01"), (learningRate.Setting, learningRate.Value));
        Assert.Equal($"the run being resumed ({checkpoint}) was trained with 0.001; only the number of epochs may change when resuming.", learningRate.Problem);

        var limit = Assert.Throws<InvalidSettingException>(() => Train(checkpoint, study, resume: true, recordedTrainLimit: 600));
        Assert.Equal(("TrainLimit", "600"), (limit.Setting, limit.Value));
        Assert.Contains("was trained with 500;", limit.Problem);

        var recipe = Assert.Throws<InvalidSettingException>(() => Train(checkpoint, TrainingRecipes.Fast with { Epochs = 1, BatchSize = 128 }, resume: true));
        Assert.Equal(("Recipe", "fast"), (recipe.Setting, recipe.Value));

        var longer = Train(checkpoint, study with { Epochs = 3 }, resume: true);
        Assert.Equal([1, 2, 3], longer.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void A_run_that_early_stopping_ended_trains_on_when_resumed_with_more_epochs_and_not_with_the_same()
    {
        using var temp = new TempDirectory();
        var checkpoint = temp.File("checkpoint.bin");
        // Patience 0: the first epoch whose validation loss does not improve ends the run.
        var recipe = TrainingRecipes.Study with { Epochs = 8, EarlyStoppingPatience = 0, LearningRate = 0.01 };
        var stopped = Train(checkpoint, recipe, resume: false);
        Assert.True(stopped.StoppedEarly, $"the run was meant to stop early; it ran {stopped.Epochs.Count} epochs");

        Assert.Equal(stopped.Epochs.Count, Train(checkpoint, recipe, resume: true).Epochs.Count);
        var longer = Train(checkpoint, recipe with { Epochs = 12 }, resume: true);
        Assert.True(longer.Epochs.Count > stopped.Epochs.Count, $"resumed with 12 epochs, the run still has {longer.Epochs.Count}");
        Assert.Equal(Enumerable.Range(1, longer.Epochs.Count), longer.Epochs.Select(e => e.Epoch));
    }
}
