using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

public class FastRecipeTests
{
    [Fact]
    public void One_cycle_warms_up_linearly_then_decays_to_zero()
    {
        Assert.Equal(0.1, OneCycleSchedule.Rate(0.4, 0.25, 0, 16), 12);
        Assert.Equal(0.4, OneCycleSchedule.Rate(0.4, 0.25, 3, 16), 12);
        Assert.Equal(0.4 * 12 / 12, OneCycleSchedule.Rate(0.4, 0.25, 4, 16), 12);
        Assert.Equal(0.4 * 2 / 12, OneCycleSchedule.Rate(0.4, 0.25, 14, 16), 12);
        Assert.Equal(0, OneCycleSchedule.Rate(0.4, 0.25, 16, 16), 12);
    }

    [Fact]
    public void Translation_moves_each_image_by_at_most_the_padding_and_keeps_its_pixels()
    {
        manual_seed(3);
        using var x = arange(2 * 3 * 8 * 8, dtype: ScalarType.Float32).view(2, 3, 8, 8);
        var augmenter = new BatchAugmenter(translate: 2, flip: false, seed: 1);
        using var y = augmenter.Apply(x, [0, 1], epoch: 1);
        Assert.Equal(x.shape, y.shape);
        // The centre 4×4 of the output is a window of the original image shifted by −2..2 in each direction.
        for (int i = 0; i < 2; i++)
        {
            var centre = y[i, 0, 2..6, 2..6];
            var found = false;
            for (int dy = -2; dy <= 2 && !found; dy++)
                for (int dx = -2; dx <= 2 && !found; dx++)
                    found = centre.eq(x[i, 0, (2 + dy)..(6 + dy), (2 + dx)..(6 + dx)]).all().item<bool>();
            Assert.True(found, $"image {i} is not a translated window");
        }
    }

    [Fact]
    public void Flips_alternate_for_each_image_from_one_epoch_to_the_next()
    {
        using var x = randn(16, 3, 4, 4);
        var augmenter = new BatchAugmenter(translate: 0, flip: true, seed: 7);
        var indices = Enumerable.Range(0, 16).Select(i => (long)i).ToArray();
        using var even = augmenter.Apply(x, indices, epoch: 2);
        using var odd = augmenter.Apply(x, indices, epoch: 3);
        int flippedEven = 0;
        for (int i = 0; i < 16; i++)
        {
            var e = even[i].eq(x[i]).all().item<bool>();
            var o = odd[i].eq(x[i]).all().item<bool>();
            Assert.True(e != o, $"image {i} must be flipped in exactly one of two consecutive epochs");
            Assert.True(e || even[i].eq(x[i].flip(2)).all().item<bool>());
            if (!e) flippedEven++;
        }
        Assert.InRange(flippedEven, 2, 14); // the starting phase differs between images
    }

    [Fact]
    public void The_fast_network_is_defined_in_the_zoo_with_its_counts()
    {
        var fast = ModelZoo.Get("fast");
        Assert.Equal(new Shape(10), fast.Output);
        Assert.True(fast.MultiplyAdds > 100_000_000 && fast.MultiplyAdds < 200_000_000, $"{fast.MultiplyAdds:N0} multiply-adds");
        using var module = fast.CreateModule();
        Assert.Equal(fast.TrainableParameters, module.parameters().Sum(p => p.numel()));
        Assert.True(ModelZoo.Get("fast-half").MultiplyAdds * 3 < fast.MultiplyAdds);
    }

    [Fact]
    public void The_fast_recipe_trains_the_fast_network_with_sgd_augmentation_and_tta()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 2, trainLimit: 3_000, testLimit: 1_000);
        var recipe = TrainingRecipes.Fast;
        var options = recipe.Options with { Epochs = 3, BatchSize = 128, Seed = 2 };
        var trainer = new Trainer(options, CPU);
        using var model = trainer.CreateModel(ModelZoo.Get("fast-half"));
        var scaling = PixelScaling.FromOption(recipe.Normalize, split.Train);
        var history = trainer.Fit(model, split, scaling);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(3, history.BestEpoch); // no early stopping: the last weights are kept
        Assert.True(history.Epochs[1].LearningRate > history.Epochs[2].LearningRate, "one-cycle decays in the last epochs");
        var (_, accuracy) = ModelEvaluator.Evaluate(model, split.Test, scaling, CPU, flipTestTime: true);
        Assert.True(accuracy > 0.3, $"test accuracy {accuracy:P1} after 3 epochs on 2,700 images");
    }
}
