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
        foreach (var model in new[] { "cnn-3x3", "cnn-5x5" })
            foreach (var seed in experiment.Model(model).Seeds)
                Assert.True(seed.Results.TestAccuracy > 0.35, $"{model} seed {seed.Seed}: {seed.Results.TestAccuracy:P1}");
    }

    [Fact]
    public void The_dense_baseline_overfits_more_than_the_cnn()
    {
        // Overfitting shows as training accuracy running ahead of validation accuracy.
        var dense = experiment.Model("dense");
        var cnn = experiment.Model("cnn-3x3");
        Assert.True(dense.GeneralisationGap.Mean > cnn.GeneralisationGap.Mean,
            $"gap dense {dense.GeneralisationGap.Mean:P1} vs cnn-3x3 {cnn.GeneralisationGap.Mean:P1}");
    }
}
