using MathNet.Numerics.Distributions;

namespace Cifar10.Pipelines.Statistics;

/// <summary>
/// 95 % confidence interval for the difference of two means with Welch's t (unequal variances,
/// Welch–Satterthwaite degrees of freedom). Needs at least two values on each side.
/// </summary>
public sealed record WelchInterval(double Difference, double Low, double High, double DegreesOfFreedom, double PValue)
{
    /// <summary>True when the interval excludes zero.</summary>
    public bool Significant => Low > 0 || High < 0;

    /// <summary>Interval for mean(a) − mean(b) at the given confidence.</summary>
    public static WelchInterval Compute(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = 0.95)
    {
        if (a.Count < 2 || b.Count < 2) throw new ArgumentException("Welch's interval needs at least two values per group");
        var sa = SampleSummary.Of(a);
        var sb = SampleSummary.Of(b);
        var va = sa.Std * sa.Std / a.Count;
        var vb = sb.Std * sb.Std / b.Count;
        var difference = sa.Mean - sb.Mean;
        var standardError = Math.Sqrt(va + vb);
        if (standardError == 0)
            return new WelchInterval(difference, difference, difference, double.PositiveInfinity, difference == 0 ? 1 : 0);
        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        var t = StudentT.InvCDF(0, 1, df, 1 - (1 - confidence) / 2);
        var p = 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(difference) / standardError));
        return new WelchInterval(difference, difference - t * standardError, difference + t * standardError, df, p);
    }
}
