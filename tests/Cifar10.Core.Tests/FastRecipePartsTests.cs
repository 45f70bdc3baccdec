using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The fast recipe's parts one by one: optimizer groups, lookahead, test-time views.</summary>
public class FastRecipePartsTests
{
    [Fact]
    public void BatchNorm_shifts_get_their_own_scaled_learning_rate_and_frozen_scales_are_not_trained()
    {
        var definition = ModelZoo.Get("fast-half");
        using var model = definition.CreateModule();
        using var optimizer = TrainingRecipes.Fast.CreateOptimizer(model);
        optimizer.LearningRate = 0.01;

        var groups = optimizer.Optimizer.ParamGroups.ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(0.01, groups[0].LearningRate, 12);
        Assert.Equal(0.01 * TrainingRecipes.Fast.NormBiasLearningRateScale, groups[1].LearningRate, 12);
        var normChannels = definition.Layers.Where(l => l.Spec is BatchNormSpec).Sum(l => (long)l.Output.Channels);
        Assert.Equal(normChannels, Count(groups[1]));
        // The frozen BatchNorm scales are in no group: the two groups hold exactly the trainable count.
        Assert.Equal(definition.TrainableParameters, groups.Sum(Count));
    }

    [Fact]
    public void The_study_keeps_one_group_over_all_parameters()
    {
        var definition = ModelZoo.Get("cnn-3x3");
        using var model = definition.CreateModule();
        using var optimizer = TrainingRecipes.Study.CreateOptimizer(model);
        optimizer.LearningRate = 1e-4;
        var group = Assert.Single(optimizer.Optimizer.ParamGroups);
        Assert.Equal(1e-4, group.LearningRate, 12);
        Assert.Equal(definition.TrainableParameters, Count(group));
    }

    [Fact]
    public void Lookahead_pulls_the_weights_to_the_slow_copy_and_hands_it_over_at_the_end()
    {
        using var model = nn.Linear(4, 2);
        using var start = model.weight!.detach().clone();
        using var lookahead = new Lookahead(pulls: 1);
        using var optimizer = TrainingRecipes.Study.CreateOptimizer(model);
        lookahead.OnTrainBegin(new TrainingContext(model, optimizer, TrainingRecipes.Study, seed: 1, CPU, stepsPerEpoch: 1, callbacks: [lookahead]));

        using (no_grad()) model.weight!.add_(1f);
        lookahead.Pull(0.75); // slow = 0.75·start + 0.25·(start + 1)
        AssertClose(start.add(0.25f), model.weight!);

        using (no_grad()) model.weight!.add_(1f);
        lookahead.Pull(1.0); // the slow copy does not move; the model takes it
        AssertClose(start.add(0.25f), model.weight!);
    }

    [Fact]
    public void Lookahead_decay_grows_from_nothing_to_a_short_average()
    {
        Assert.Equal(0, Lookahead.Decay(0, 100), 12);
        Assert.Equal(Math.Pow(0.95, 5) / 8, Lookahead.Decay(50, 100), 12);
        Assert.Equal(Math.Pow(0.95, 5), Lookahead.Decay(100, 100), 12);
    }

    [Fact]
    public void Test_time_views_are_the_image_its_mirror_and_shifted_copies_weighted_half_and_quarters()
    {
        using var x = arange(2 * 3 * 5 * 5, dtype: ScalarType.Float32).view(2, 3, 5, 5);
        var seen = new List<Tensor>();
        // A "model" that answers class k with near certainty for the k-th view it is shown.
        Tensor ViewCounter(Tensor input)
        {
            seen.Add(input.clone());
            var logits = full(input.shape[0], 6, -30f);
            logits[TensorIndex.Colon, seen.Count - 1] = tensor(30f);
            return logits;
        }

        using var probabilities = new TestTimeAugmentation(Flip: true, Translate: 1).Probabilities(ViewCounter, x);

        Assert.Equal(6, seen.Count);
        Assert.True(seen[0].eq(x).all().item<bool>());
        Assert.True(seen[1].eq(x.flip(3)).all().item<bool>());
        // Up-left copy: its pixel (i+1, j+1) is the image's (i, j); down-right: the other way round.
        Assert.True(seen[2].narrow(2, 1, 4).narrow(3, 1, 4).eq(x.narrow(2, 0, 4).narrow(3, 0, 4)).all().item<bool>());
        Assert.True(seen[4].narrow(2, 0, 4).narrow(3, 0, 4).eq(x.narrow(2, 1, 4).narrow(3, 1, 4)).all().item<bool>());
        Assert.True(seen[3].eq(seen[2].flip(3)).all().item<bool>());
        float[] expected = [0.25f, 0.25f, 0.125f, 0.125f, 0.125f, 0.125f];
        for (int k = 0; k < 6; k++)
            Assert.Equal(expected[k], probabilities[1, k].item<float>(), 4);
    }

    [Fact]
    public void The_single_view_probabilities_come_from_the_same_passes_as_the_mean()
    {
        using var x = randn(2, 3, 5, 5);
        int calls = 0;
        // Class k for the k-th view, as above: the plain probabilities must be the first view's.
        Tensor ViewCounter(Tensor input) { var logits = full(input.shape[0], 6, -30f); logits[TensorIndex.Colon, calls++] = tensor(30f); return logits; }

        var (mean, plain) = new TestTimeAugmentation(Flip: true, Translate: 1).ProbabilitiesWithPlain(ViewCounter, x);

        Assert.Equal(6, calls);
        Assert.Equal(1f, plain[0, 0].item<float>(), 4);
        Assert.Equal(0.25f, mean[0, 0].item<float>(), 4);
    }

    [Fact]
    public void Without_test_time_augmentation_one_view_is_scored()
    {
        using var x = randn(3, 3, 4, 4);
        int calls = 0;
        using var probabilities = TestTimeAugmentation.None.Probabilities(input => { calls++; return input.mean([1L, 2L, 3L]).unsqueeze(1).expand(-1, 4).clone(); }, x);
        Assert.Equal(1, calls);
        Assert.True(probabilities.sum(1).sub(1).abs().max().item<float>() < 1e-6);
    }

    static long Count(optim.ILearningRateController group) => ((TorchSharp.Modules.ParamGroup)group).Parameters.Sum(p => p.numel());

    static void AssertClose(Tensor expected, Tensor actual) =>
        Assert.True(expected.sub(actual).abs().max().item<float>() < 1e-6, "weights differ");
}
