using System.Diagnostics;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>Small timing helpers shared by the measurements.</summary>
internal static class Throughput
{
    /// <summary>Seconds taken by <paramref name="work"/>.</summary>
    public static double Seconds(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The <paramref name="q"/>-quantile (0–1) of <paramref name="values"/>, nearest rank.</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
