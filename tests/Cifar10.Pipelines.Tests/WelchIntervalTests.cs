using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Tests;

public class WelchIntervalTests
{
    [Fact]
    public void Matches_a_hand_computed_interval()
    {
        // a = {1,2,3}, b = {4,5,6}: difference −3, standard error √(1/3 + 1/3), df = 4, t(0.975, 4) = 2.7764.
        var ci = WelchInterval.Compute([1, 2, 3], [4, 5, 6]);
        var halfWidth = 2.7764451 * Math.Sqrt(2.0 / 3);
        Assert.Equal(-3, ci.Difference, 9);
        Assert.Equal(4, ci.DegreesOfFreedom, 6);
        Assert.Equal(-3 - halfWidth, ci.Low, 5);
        Assert.Equal(-3 + halfWidth, ci.High, 5);
        Assert.True(ci.Significant);
    }

    [Fact]
    public void Unequal_variances_use_welch_satterthwaite_degrees_of_freedom()
    {
        var ci = WelchInterval.Compute([10, 12, 14, 16], [11, 11.5]);
        // va = 6.667/4 = 1.6667, vb = 0.125/2 = 0.0625 → df = (1.7292)² / (1.6667²/3 + 0.0625²/1) = 3.22…
        Assert.InRange(ci.DegreesOfFreedom, 3.2, 3.3);
        Assert.False(ci.Significant);
    }

    [Fact]
    public void Needs_two_values_per_group()
    {
        Assert.Throws<ArgumentException>(() => WelchInterval.Compute([1], [2, 3]));
    }

    [Fact]
    public void Sample_summary_uses_n_minus_one()
    {
        var s = SampleSummary.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.Std, 12);
        Assert.Equal(0, SampleSummary.Of([3]).Std);
    }
}
