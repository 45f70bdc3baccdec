using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

public class TrainerTests
{
    internal static TrainingHistory TrainSmall(string model, int seed, int trainLimit, int epochs, out double testAccuracy, int testLimit = 2_000)
    {
        using var split = DataSplit.Create(TestData.Real, seed, trainLimit, testLimit: testLimit);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = epochs }, CPU, seed);
        using var module = trainer.CreateModel(ModelZoo.Get(model));
        var history = trainer.Fit(module, split.Train, split.Validation, InputScaling.Unit);
        testAccuracy = ModelEvaluator.Evaluate(module, split.Test, InputScaling.Unit, CPU).Accuracy;
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
        var context = ContextFor(module, stopping);
        foreach (var (epoch, loss) in new[] { (1, 1.0), (2, 0.8), (3, 0.9) })
        {
            stopping.OnEpochEnd(context, Epoch(epoch, loss));
            Assert.False(context.StopTraining, $"stopped after epoch {epoch}");
        }
        stopping.OnEpochEnd(context, Epoch(4, 0.85));
        Assert.True(context.StopTraining);
        Assert.Equal(2, stopping.BestEpoch);
    }

    [Fact]
    public void Early_stopping_restores_the_best_weights_and_says_which_epoch_they_are()
    {
        using var module = nn.Linear(2, 2);
        using var stopping = new EarlyStopping(patience: 1);
        var context = ContextFor(module, stopping);
        stopping.OnEpochEnd(context, Epoch(1, 0.5));
        using var best = module.weight!.clone();
        using (no_grad()) module.weight!.add_(1);
        stopping.OnEpochEnd(context, Epoch(2, 0.7));
        stopping.OnTrainEnd(context);
        Assert.True(module.weight!.eq(best).all().item<bool>());
        Assert.Equal(1, context.KeptEpoch);
    }

    [Fact]
    public void Early_stopping_without_restoring_keeps_the_last_weights_as_keras_does_by_default()
    {
        using var module = nn.Linear(2, 2);
        using var stopping = new EarlyStopping(patience: 1, restoreBestWeights: false);
        var context = ContextFor(module, stopping);
        stopping.OnEpochEnd(context, Epoch(1, 0.5));
        using (no_grad()) module.weight!.add_(1);
        using var last = module.weight!.clone();
        stopping.OnEpochEnd(context, Epoch(2, 0.7));
        stopping.OnTrainEnd(context);
        Assert.True(context.StopTraining);
        Assert.True(module.weight!.eq(last).all().item<bool>());
        Assert.Null(context.KeptEpoch);
    }

    [Fact]
    public void Plateau_schedule_cuts_the_rate_tenfold_after_patience_and_stops_at_the_minimum()
    {
        var plateau = new ReduceLearningRateOnPlateau(patience: 3, factor: 0.1, minLearningRate: 1e-6, minDelta: 1e-4);
        Assert.Equal(1e-3, plateau.Next(1e-3, 1.0));
        Assert.Equal(1e-3, plateau.Next(1e-3, 0.99995)); // within min delta: no improvement
        Assert.Equal(1e-3, plateau.Next(1e-3, 1.0));
        Assert.Equal(1e-4, plateau.Next(1e-3, 1.0), 12);
        var rate = 1e-4;
        for (int i = 0; i < 20; i++) rate = plateau.Next(rate, 1.0);
        Assert.Equal(1e-6, rate, 12);
    }

    [Theory]
    [InlineData(0, 128, 1e-3, "Epochs 0: must be a positive number.")]
    [InlineData(3, -1, 1e-3, "BatchSize -1: must be a positive number.")]
    [InlineData(3, 128, -0.1, "LearningRate -0.1: must be a positive number.")]
    public void Bad_settings_give_one_line_errors_naming_the_setting(int epochs, int batch, double lr, string expected)
    {
        var error = Assert.Throws<InvalidSettingException>(() => (TrainingRecipes.Study with { Epochs = epochs, BatchSize = batch, LearningRate = lr }).Validate());
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_validation_fraction_outside_0_1_is_refused(double fraction)
    {
        var error = Assert.Throws<InvalidSettingException>(() => new Trainer(TrainingRecipes.Fast with { ValidationFraction = fraction }, CPU));
        Assert.Equal($"ValidationFraction {fraction}: must be in (0, 1).", error.Message);
    }

    static TrainingContext ContextFor(nn.Module<Tensor, Tensor> module, ITrainingCallback callback) =>
        new(module, TrainingRecipes.Study.CreateOptimizer(module), TrainingRecipes.Study, seed: 1, CPU, stepsPerEpoch: 1, callbacks: [callback]);

    static EpochRecord Epoch(int epoch, double validationLoss) => new(epoch, 1, 0.5, validationLoss, 0.5, 1e-3, 1);
}
