using OxyPlot;
using OxyPlot.Series;

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
        var plot = FigureStyle.Create(oneSeed ? "Test accuracy by model (1 seed, no spread)" : $"Test accuracy by model (mean ± std over {SeedText(models)})", "Model", "Test accuracy");
        var bars = new RectangleBarSeries { StrokeThickness = 0 };
        for (int i = 0; i < models.Count; i++)
            bars.Items.Add(new RectangleBarItem(i - 0.3, 0, i + 0.3, 100 * models[i].MeanAccuracy) { Color = Translucent(FigureStyle.SeriesColor(i)) });
        plot.Series.Add(bars);
        if (!oneSeed)
        {
            var whiskers = new ScatterErrorSeries { MarkerType = MarkerType.None, ErrorBarColor = OxyColors.Black, ErrorBarStrokeThickness = 2, ErrorBarStopWidth = 6 };
            for (int i = 0; i < models.Count; i++) whiskers.Points.Add(new ScatterErrorPoint(i, 100 * models[i].MeanAccuracy, 0, 100 * models[i].Std));
            plot.Series.Add(whiskers);
        }
        // The mean goes inside the bar, half way up: above it, the seed dots and error bar would cover it.
        for (int i = 0; i < models.Count; i++)
            plot.Annotations.Add(FigureStyle.Text($"{100 * models[i].MeanAccuracy:F1} %", i, 50 * models[i].MeanAccuracy, FigureStyle.LabelSize + 1, OxyColors.White, bold: true));
        // Seed dots sit right of centre, spread a little, so they hide neither the error bar nor each other.
        var dots = new ScatterSeries { MarkerType = MarkerType.Circle, MarkerSize = SeedDotSize, MarkerFill = OxyColors.Black, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 1 };
        for (int i = 0; i < models.Count; i++)
            for (int s = 0; s < models[i].PerSeed.Count; s++)
                dots.Points.Add(new ScatterPoint(i + Spread(s, models[i].PerSeed.Count), 100 * models[i].PerSeed[s]));
        plot.Series.Add(dots);
        FigureStyle.LegendBox(plot, oneSeed ? "test accuracy (bar)" : "mean (bar) ± std (whisker)", Translucent(FigureStyle.Neutral));
        if (dots.Points.Count > 0) FigureStyle.LegendMarker(plot, "one seed", MarkerType.Circle, OxyColors.Black, SeedDotSize);
        FigureStyle.CategoryTicks(plot, models.Select(m => m.Model).ToArray());
        var x = FigureStyle.XAxis(plot);
        (x.Minimum, x.Maximum) = (-0.6, models.Count - 0.4);
        var top = Math.Max(models.Max(m => 100 * (m.MeanAccuracy + m.Std)), dots.Points.Select(p => p.Y).DefaultIfEmpty(0).Max());
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum) = (0, Math.Min(100, top * 1.1) + 2);
        FigureStyle.PercentTicks(y);
        FigureStyle.LegendAbove(plot); // above the axes: the bars, whiskers and dots can reach any height
        PngWriter.Save(path, [plot], Math.Max(640, 170 * models.Count + 200), 500);
    }

    const double SeedDotSize = 5;

    // The bar colours a little lighter, so the black whiskers and dots stand out on them.
    static OxyColor Translucent(OxyColor color) => OxyColor.FromAColor(200, color);

    static string SeedText(IReadOnlyList<(string Model, double MeanAccuracy, double Std, IReadOnlyList<double> PerSeed)> models)
    {
        var counts = models.Select(m => m.PerSeed.Count).Distinct().ToArray();
        return counts.Length == 1 ? $"{counts[0]} seed{(counts[0] == 1 ? "" : "s")}" : "seeds";
    }

    static double Spread(int seed, int seeds) => 0.17 + (seeds <= 1 ? 0 : 0.08 * seed / (seeds - 1));
}
