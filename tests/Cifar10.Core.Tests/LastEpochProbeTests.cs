using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The probe that scores a run's last epoch as Keras' default reports it, with and without recomputed BatchNorm statistics.</summary>
[Collection(SerialTorchCollection.Name)]
public class LastEpochProbeTests
{
    [RealDataFact]
    public void The_probe_measures_the_last_epoch_and_leaves_training_and_the_kept_weights_unchanged()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 3, trainLimit: 1_200, testLimit: 1_000);
        var recipe = TrainingRecipes.Study with { Epochs = 2 };
        var probe = new LastEpochProbe(split.Train, split.Test, InputScaling.Unit, 256);

        var (plain, plainHistory) = Train(recipe, split, []);
        var (probed, probedHistory) = Train(recipe, split, [probe]);

        Assert.Equal(plainHistory.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)), probedHistory.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)));
        foreach (var (name, value) in plain.state_dict())
            Assert.True(value.eq(probed.state_dict()[name]).all().item<bool>(), $"{name} differs when the probe ran");
        var measured = Assert.IsType<LastEpochMeasurement>(probe.Measurement);
        Assert.Equal(2, measured.Epoch);
        Assert.Equal(probedHistory.Epochs[^1].TrainAccuracy, measured.TrainAccuracy);
        // After ~20 steps at Keras' momentum the moving statistics are far from the batches': recomputing them changes the score.
        Assert.NotEqual(measured.TestAccuracy, measured.RecalibratedTestAccuracy);
        Assert.InRange(measured.RecalibratedTestAccuracy, 0.12, 1);
        plain.Dispose();
        probed.Dispose();
    }

    static (nn.Module<Tensor, Tensor> Model, TrainingHistory History) Train(TrainingRecipe recipe, DataSplit split, ITrainingCallback[] callbacks)
    {
        var trainer = new Trainer(recipe, CPU, seed: 3);
        var model = trainer.CreateModel(ModelZoo.Cnn(3));
        var history = trainer.Fit(model, split.Train, split.Validation, InputScaling.Unit, callbacks);
        return (model, history);
    }
}
