namespace Cifar10.Pipelines.Tests;

/// <summary>The original study's claims, checked on the real data at reduced scale (see <see cref="QuickExperimentFixture"/>).</summary>
[Collection(QuickExperimentCollection.Name)]
public class StudyClaimsTests(QuickExperimentFixture experiment)
{
    [Fact]
    public void Both_cnns_beat_the_dense_baseline()
    {
        var dense = experiment.Model("dense").TestAccuracy.Mean;
        Assert.True(experiment.Model("cnn-3x3").TestAccuracy.Mean > dense + 0.05, $"cnn-3x3 {experiment.Model("cnn-3x3").TestAccuracy.Mean:P1} vs dense {dense:P1}");
        Assert.True(experiment.Model("cnn-5x5").TestAccuracy.Mean > dense + 0.05, $"cnn-5x5 {experiment.Model("cnn-5x5").TestAccuracy.Mean:P1} vs dense {dense:P1}");
    }

    [Fact]
    public void Neither_cnn_collapses()
    {
        // Well clear of chance (10 %): 2.5 × chance. The quick runs measured 31–41 % per seed.
        foreach (var model in new[] { "cnn-3x3", "cnn-5x5" })
            foreach (var seed in experiment.Model(model).Seeds)
                Assert.True(seed.Results.TestAccuracy > 0.25, $"{model} seed {seed.Seed}: {seed.Results.TestAccuracy:P1}");
    }

    /// <summary>
    /// The original study claims the reverse: that the dense baseline overfits more. Measured
    /// here it does not, with either definition of the gap — training accuracy in inference mode
    /// minus validation accuracy (full data, seed 42: dense +1.1 pp, cnn-3x3 +12.2 pp), or the
    /// training-time accuracy Keras logs (dropout on) minus validation accuracy (dense −5.8 pp,
    /// cnn-3x3 +5.0 pp). The dense baseline, with two 0.5 dropouts on [0,1] pixels, underfits
    /// instead. This test pins the measured finding so a change that alters it is noticed.
    /// </summary>
    [Fact]
    public void The_cnn_overfits_more_than_the_dense_baseline_contrary_to_the_original_claim()
    {
        var dense = experiment.Model("dense");
        var cnn = experiment.Model("cnn-3x3");
        Assert.True(cnn.GeneralisationGap.Mean > dense.GeneralisationGap.Mean,
            $"gap dense {dense.GeneralisationGap.Mean:P1} vs cnn-3x3 {cnn.GeneralisationGap.Mean:P1}");
    }
}
