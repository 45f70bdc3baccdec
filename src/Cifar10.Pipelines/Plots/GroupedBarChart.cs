using OxyPlot;
using OxyPlot.Series;

namespace Cifar10.Pipelines.Plots;

/// <summary>Bars grouped by category (one colour per series, legend, rotated category names): class counts, per-class recall.</summary>
internal static class GroupedBarChart
{
    /// <summary>
    /// Builds the chart; <paramref name="series"/> values are indexed like <paramref name="categories"/>.
    /// With <paramref name="valueFormat"/>, each bar carries its value (so a zero bar still reads "0").
    /// </summary>
    public static PlotModel Create(string title, string xLabel, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, string? valueFormat = null)
    {
        if (series.Count == 0) throw new ArgumentException("at least one series is needed", nameof(series));
        if (series.Any(s => s.Values.Count != categories.Count))
            throw new ArgumentException($"every series needs {categories.Count} values (one per category)", nameof(series));
        var plot = FigureStyle.Create(title, xLabel, yLabel);
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Count;
        var labelSize = series.Count > 3 ? 10 : 12; // four bars to a group leave little room above each
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new RectangleBarSeries { Title = series[s].Name, FillColor = FigureStyle.SeriesColor(s), StrokeThickness = 0 };
            for (int c = 0; c < categories.Count; c++)
            {
                var centre = c - groupWidth / 2 + barWidth * (s + 0.5);
                var value = series[s].Values[c];
                bars.Items.Add(new RectangleBarItem(centre - barWidth * 0.46, 0, centre + barWidth * 0.46, value));
                // The value just above the bar, so a zero bar still reads "0".
                if (valueFormat is not null) plot.Annotations.Add(FigureStyle.Text(value.ToString(valueFormat), centre, value, labelSize, FigureStyle.Ink, VerticalAlignment.Bottom));
            }
            plot.Series.Add(bars);
        }
        FigureStyle.CategoryTicks(plot, categories);
        var x = FigureStyle.XAxis(plot);
        (x.Minimum, x.Maximum) = (-0.6, categories.Count - 0.4);
        // Bars start at zero; the headroom above the tallest bar holds its value label.
        var top = series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum) = (0, top > 0 ? top * 1.1 : 1);
        y.StringFormat = "#,0"; // counts and rates in the thousands read better with a separator
        FigureStyle.LegendAbove(plot);
        return plot;
    }
}
