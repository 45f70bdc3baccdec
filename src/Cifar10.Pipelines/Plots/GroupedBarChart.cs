using ScottPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary>Bars grouped by category (one colour per series, legend, rotated category names): class counts, per-class recall.</summary>
internal static class GroupedBarChart
{
    /// <summary>
    /// Builds the chart; <paramref name="series"/> values are indexed like <paramref name="categories"/>.
    /// With <paramref name="valueFormat"/>, each bar carries its value (so a zero bar still reads "0").
    /// </summary>
    public static Plot Create(string title, string xLabel, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string? valueFormat = null)
    {
        if (series.Count == 0) throw new ArgumentException("at least one series is needed", nameof(series));
        if (series.Any(s => s.Values.Count != categories.Count))
            throw new ArgumentException($"every series needs {categories.Count} values (one per category)", nameof(series));
        var plot = FigureStyle.Create(title, xLabel, yLabel);
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Count;
        var bars = new List<Bar>();
        for (int s = 0; s < series.Count; s++)
        {
            var color = FigureStyle.SeriesColor(s);
            for (int c = 0; c < categories.Count; c++)
                bars.Add(new Bar { Position = c - groupWidth / 2 + barWidth * (s + 0.5), Value = series[s].Values[c], Size = barWidth * 0.95, FillColor = color, LineWidth = 0,
                    Label = valueFormat is null ? "" : series[s].Values[c].ToString(valueFormat) });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = series.Count > 3 ? 9 : 11;
        FigureStyle.CategoryTicks(plot, categories);
        // Bars start at zero; the headroom above the tallest bar holds the one-row legend.
        var top = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(-0.6, categories.Count - 0.4, 0, top > 0 ? top * 1.25 : 1);
        FigureStyle.Legend(plot, Alignment.UpperCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}
