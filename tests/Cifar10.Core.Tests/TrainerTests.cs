using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

public class TrainerTests
{
    internal static TrainingHistory TrainSmall(string model, int seed, int trainLimit, int epochs, out double testAccuracy, int testLimit = 2_000)
    {
        using var split = DataSplit.Create(TestData.Real, seed, trainLimit, testLimit: testLimit);
        var trainer = new Trainer(new TrainingOptions { Epochs = epochs, Seed = seed }, CPU);
        using var module = trainer.CreateModel(ModelZoo.Get(model));
        var history = trainer.Fit(module, split, PixelScaling.UnitRange);
        testAccuracy = ModelEvaluator.Evaluate(module, split.Test, PixelScaling.UnitRange, CPU).Accuracy;
        return history;
    }

    [Fact]
    public void A_short_run_on_real_data_beats_chance_clearly()
    {
        var history = TrainSmall("dense", seed: 1, trainLimit: 10_000, epochs: 4, out var accuracy);
        // Twice chance; the dense baseline learns slowly (it tops out near 33 % on the full protocol here).
        Assert.True(accuracy > 0.2, $"test accuracy {accuracy:P1} after 4 epochs on 9,000 images; chance is 10 %");
        Assert.Equal(4, history.Epochs.Count);
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
    }

    [Fact]
    public void Early_stopping_waits_patience_epochs_and_remembers_the_best()
    {
        using var module = nn.Linear(2, 2);
        using var stopping = new EarlyStopping(patience: 2);
        Assert.False(stopping.Step(1, 1.0, module));
        Assert.False(stopping.Step(2, 0.8, module));
        Assert.False(stopping.Step(3, 0.9, module));
        Assert.True(stopping.Step(4, 0.85, module));
        Assert.Equal(2, stopping.BestEpoch);
    }

    [Fact]
    public void Early_stopping_restores_the_best_weights()
    {
        using var module = nn.Linear(2, 2);
        using var stopping = new EarlyStopping(patience: 1);
        stopping.Step(1, 0.5, module);
        var best = module.weight!.clone();
        using (no_grad()) module.weight!.add_(1);
        stopping.Step(2, 0.7, module);
        stopping.RestoreBest(module);
        Assert.True(module.weight!.eq(best).all().item<bool>());
    }

    [Fact]
    public void Plateau_scheduler_cuts_the_rate_tenfold_after_patience_and_stops_at_the_minimum()
    {
        var scheduler = new PlateauScheduler(1e-3, patience: 3, factor: 0.1, minLearningRate: 1e-6, minDelta: 1e-4);
        Assert.Equal(1e-3, scheduler.Step(1.0));
        Assert.Equal(1e-3, scheduler.Step(0.99995)); // within min delta: no improvement
        Assert.Equal(1e-3, scheduler.Step(1.0));
        Assert.Equal(1e-4, scheduler.Step(1.0), 12);
        for (int i = 0; i < 20; i++) scheduler.Step(1.0);
        Assert.Equal(1e-6, scheduler.LearningRate, 12);
    }

    [Theory]
    [InlineData(0, 128, 1e-3, "--epochs 0: must be a positive number.")]
    [InlineData(3, -1, 1e-3, "--batch-size -1: must be a positive number.")]
    [InlineData(3, 128, -0.1, "--lr -0.1: must be a positive number.")]
    public void Bad_options_give_one_line_errors(int epochs, int batch, double lr, string expected)
    {
        var error = Assert.Throws<CifarException>(() => new TrainingOptions { Epochs = epochs, BatchSize = batch, LearningRate = lr }.Validate());
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_validation_fraction_outside_0_1_is_refused(double fraction)
    {
        var error = Assert.Throws<CifarException>(() => new TrainingOptions { ValidationFraction = fraction }.Validate());
        Assert.Equal($"validation fraction {fraction}: must be in (0, 1).", error.Message);
    }
}
