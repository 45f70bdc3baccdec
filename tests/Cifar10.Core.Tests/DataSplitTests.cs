using Cifar10.Core.Data;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

public class DataSplitTests
{
    [Fact]
    public void Full_split_is_45000_5000_with_500_validation_images_per_class()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 7);
        Assert.Equal(45_000, split.Train.Count);
        Assert.Equal(5_000, split.Validation.Count);
        Assert.Equal(10_000, split.Test.Count);
        Assert.All(split.Validation.ClassCounts(10), c => Assert.Equal(500, c));
        Assert.All(split.Train.ClassCounts(10), c => Assert.Equal(4_500, c));
        Assert.All(split.Info.ValidationPerClass, c => Assert.Equal(500, c));
    }

    [Fact]
    public void The_fast_recipe_trains_on_49000_images_and_validates_on_100_per_class()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 7, validationFraction: Training.TrainingRecipes.Fast.ValidationFraction, testLimit: 0);
        Assert.Equal(49_000, split.Train.Count);
        Assert.All(split.Validation.ClassCounts(10), c => Assert.Equal(100, c));
    }

    [Fact]
    public void A_tiny_split_still_validates_every_class()
    {
        // 30 images hold 1–6 per class; 2 % of that rounds to none, so each class keeps one back.
        using var split = DataSplit.Create(TestData.Real, seed: 3, trainLimit: 30, validationFraction: 0.02, testLimit: 0);
        using var first30 = TestData.Real.Train.Take(30);
        var available = first30.ClassCounts(10);
        var held = split.Validation.ClassCounts(10);
        for (int c = 0; c < held.Length; c++)
            Assert.Equal(available[c] > 1 ? 1 : 0, held[c]);
        Assert.Equal(30, split.Train.Count + split.Validation.Count);
    }

    [Fact]
    public void Split_is_seeded_and_disjoint()
    {
        using var a = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 2_000);
        using var b = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 2_000);
        using var c = DataSplit.Create(TestData.Real, seed: 2, trainLimit: 2_000);
        Assert.True(a.Validation.Pixels.eq(b.Validation.Pixels).all().item<bool>());
        Assert.False(a.Validation.Pixels.eq(c.Validation.Pixels).all().item<bool>());
        // No validation image is also a training image (compare per-image byte sums as fingerprints, then exact rows).
        var trainFingerprints = a.Train.Pixels.reshape(a.Train.Count, -1).to_type(ScalarType.Int64).sum(1).data<long>().ToHashSet();
        var validation = a.Validation.Pixels.reshape(a.Validation.Count, -1);
        var train = a.Train.Pixels.reshape(a.Train.Count, -1);
        for (int i = 0; i < a.Validation.Count; i++)
        {
            var fingerprint = validation[i].to_type(ScalarType.Int64).sum().item<long>();
            if (!trainFingerprints.Contains(fingerprint)) continue;
            Assert.False(train.eq(validation[i]).all(1).any().item<bool>(), $"validation image {i} also in training");
        }
        Assert.Equal(2_000, a.Train.Count + a.Validation.Count);
    }

    [Fact]
    public void Standardisation_centres_each_channel()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 3, trainLimit: 5_000);
        var scaling = InputScaling.StandardizedOn(split.Train);
        using var x = scaling.Apply(split.Train.Pixels, CPU);
        var mean = x.mean([0L, 2L, 3L]).data<float>().ToArray();
        var std = x.std([0L, 2L, 3L]).data<float>().ToArray();
        Assert.All(mean, m => Assert.InRange(m, -1e-3, 1e-3));
        Assert.All(std, s => Assert.InRange(s, 0.999, 1.001));
        // Channel means of the real data are near 125.8/123.6/114.3 of 255 (shared/cifar10/README.md).
        Assert.InRange(scaling.Mean[0] * 255, 120, 132);
        Assert.InRange(scaling.Mean[2] * 255, 108, 120);
    }

    [Fact]
    public void Unit_scaling_maps_bytes_to_0_1()
    {
        using var pixels = tensor(new byte[] { 0, 51, 255 }, [1, 3, 1, 1]);
        using var x = InputScaling.Unit.Apply(pixels, CPU);
        Assert.Equal(new[] { 0f, 0.2f, 1f }, x.data<float>().ToArray());
    }
}
