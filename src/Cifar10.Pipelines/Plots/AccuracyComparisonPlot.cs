using ScottPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary><c>accuracy-comparison.png</c>: mean test accuracy per model with ±1 std error bars and every seed as a dot.</summary>
internal static class AccuracyComparisonPlot
{
    /// <summary>Writes the bar chart; accuracies are fractions in [0, 1] and are shown as percentages.</summary>
    public static void Save(string path, IReadOnlyList<(string Model, double MeanAccuracy, double Std, IReadOnlyList<double> PerSeed)> models)
    {
        if (models.Count == 0) throw new ArgumentException("at least one model is needed", nameof(models));
        // With one seed per model there is no spread to show: say so instead of promising whiskers.
        var oneSeed = models.All(m => m.PerSeed.Count <= 1);
        var plot = FigureStyle.Create(oneSeed ? "Test accuracy by model (1 seed, no spread)" : $"Test accuracy by model (mean ± std over {SeedText(models)})", "Model", "Test accuracy (%)");
        var bars = models.Select((m, i) => new Bar
        {
            Position = i,
            Value = 100 * m.MeanAccuracy,
            FillColor = FigureStyle.SeriesColor(i).WithAlpha(0.75),
            LineWidth = 0,
            Size = 0.6,
        }).ToArray();
        plot.Add.Bars(bars);
        // Error bars drawn on their own: a bar's own error bar uses its outline, which these bars do not have.
        var error = plot.Add.ErrorBar(bars.Select(b => b.Position).ToArray(), bars.Select(b => b.Value).ToArray(), models.Select(m => 100 * m.Std).ToArray());
        error.Color = Colors.Black;
        error.LineWidth = 2;
        // The mean goes inside the bar, half way up: above it, the seed dots and error bar would cover it.
        for (int i = 0; i < models.Count; i++)
        {
            var label = plot.Add.Text($"{100 * models[i].MeanAccuracy:F1} %", i, 50 * models[i].MeanAccuracy);
            label.LabelFontSize = FigureStyle.LabelSize + 2;
            label.LabelBold = true;
            label.LabelFontColor = Colors.White;
            label.LabelAlignment = Alignment.MiddleCenter;
        }
        // Seed dots sit right of centre, spread a little, so they hide neither the error bar nor each other.
        var xs = models.SelectMany((m, i) => m.PerSeed.Select((_, s) => i + Spread(s, m.PerSeed.Count))).ToArray();
        var ys = models.SelectMany(m => m.PerSeed.Select(a => 100 * a)).ToArray();
        if (xs.Length > 0) plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 9, Colors.Black);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = oneSeed ? "test accuracy (bar)" : "mean (bar) ± std (whisker)", FillColor = Colors.Gray.WithAlpha(0.6) });
        if (xs.Length > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = "one seed", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = Colors.Black, MarkerSize = 9 });
        FigureStyle.CategoryTicks(plot, models.Select(m => m.Model).ToArray());
        var top = models.Max(m => 100 * (m.MeanAccuracy + m.Std));
        top = Math.Max(top, ys.DefaultIfEmpty(0).Max());
        plot.Axes.SetLimits(-0.6, models.Count - 0.4, 0, Math.Min(100, top * 1.15) + 3);
        FigureStyle.Legend(plot, Alignment.UpperRight);
        PngWriter.Save(path, [plot], Math.Max(640, 170 * models.Count + 200), 500);
    }

    static string SeedText(IReadOnlyList<(string Model, double MeanAccuracy, double Std, IReadOnlyList<double> PerSeed)> models)
    {
        var counts = models.Select(m => m.PerSeed.Count).Distinct().ToArray();
        return counts.Length == 1 ? $"{counts[0]} seed{(counts[0] == 1 ? "" : "s")}" : "seeds";
    }

    static double Spread(int seed, int seeds) => 0.17 + (seeds <= 1 ? 0 : 0.08 * seed / (seeds - 1));
}
