using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Experiments;

/// <summary>Test-accuracy difference A − B with a Welch 95 % interval (null with fewer than two seeds).</summary>
public sealed record PairComparison(string A, string B, double Difference, WelchInterval? Interval)
{
    /// <summary>How the interval is computed, for the report and results.json.</summary>
    public const string Method = "Welch's t, 95 % two-sided, over seeds (unequal variances)";

    /// <summary>Every pair of models in the order given (A before B).</summary>
    public static IReadOnlyList<PairComparison> AllPairs(IReadOnlyList<ModelResults> models)
    {
        var pairs = new List<PairComparison>();
        for (int i = 0; i < models.Count; i++)
            for (int j = i + 1; j < models.Count; j++)
            {
                var a = models[i].Seeds.Select(s => s.Results.TestAccuracy).ToArray();
                var b = models[j].Seeds.Select(s => s.Results.TestAccuracy).ToArray();
                var interval = a.Length >= 2 && b.Length >= 2 ? WelchInterval.Compute(a, b) : null;
                pairs.Add(new PairComparison(models[i].Model, models[j].Model, a.Average() - b.Average(), interval));
            }
        return pairs;
    }
}
