using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Eda;

/// <summary><c>class-distribution.png</c>: images per class in the train, validation and test splits.</summary>
internal static class ClassDistributionPlot
{
    /// <summary>Writes grouped bars, one group per class.</summary>
    public static void Save(string path, EdaStatistics statistics)
    {
        string[] shown = [EdaStatistics.Train, EdaStatistics.Validation, EdaStatistics.Test];
        var series = shown.Select(statistics.Split)
            .Select(s => ($"{s.Split} ({s.Total:N0})", (IReadOnlyList<double>)statistics.ClassNames.Select(n => (double)s.PerClass[n]).ToArray()))
            .ToArray();
        var plot = GroupedBarChart.Create($"Images per class{Balance(statistics, shown)}", $"Class (validation split drawn with seed {statistics.Seed})", "Images", statistics.ClassNames, series);
        PngWriter.Save(path, [plot], 1000, 520);
    }

    // The headline of this figure: when every class has the same count in every split, say so in words.
    static string Balance(EdaStatistics statistics, IReadOnlyList<string> shown)
    {
        var perClass = shown.Select(statistics.Split).Select(s => s.PerClass.Values.Distinct().ToArray()).ToArray();
        return perClass.All(c => c.Length == 1) ? $" (balanced: {string.Join(" / ", perClass.Select(c => c[0].ToString("N0")))} each)" : "";
    }
}
