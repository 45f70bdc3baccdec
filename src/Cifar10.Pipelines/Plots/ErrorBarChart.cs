using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Cifar10.Pipelines.Plots;

/// <summary>A measured point: the mean over seeds at <see cref="X"/>, its standard deviation, and an optional label drawn beside it.</summary>
internal sealed record MeanPoint(double X, double Mean, double Std, string? Label = null);

/// <summary>
/// One series of an <see cref="ErrorBarChart"/>: its name in the legend, its points, whether a line
/// joins them, and how far (in x units) it is drawn beside its true x so that series measured at the
/// same x do not hide each other.
/// </summary>
internal sealed record MeanSeries(string Name, IReadOnlyList<MeanPoint> Points, bool Joined = true, double XOffset = 0);

/// <summary>
/// Means over seeds with ±1 standard-deviation bars against a numeric x (linear or logarithmic):
/// accuracy against kernel size, shift, training-set size or parameters. Values are percentages.
/// </summary>
internal static class ErrorBarChart
{
    /// <summary>Builds the chart; <paramref name="xTicks"/> fixes the x ticks (e.g. the kernel sizes) when given.</summary>
    public static PlotModel Create(string title, string xLabel, string yLabel, IReadOnlyList<MeanSeries> series, bool logarithmicX = false,
        IReadOnlyList<double>? xTicks = null, Func<double, string>? xFormat = null)
    {
        if (series.Count == 0 || series.Any(s => s.Points.Count == 0)) throw new ArgumentException("every series needs at least one point", nameof(series));
        var plot = FigureStyle.Create(title, xLabel, yLabel);
        if (logarithmicX) UseLogarithmicX(plot, xLabel);
        for (int s = 0; s < series.Count; s++)
        {
            var color = FigureStyle.SeriesColor(s);
            var points = series[s].Points.OrderBy(p => p.X).Select(p => p with { X = p.X + series[s].XOffset }).ToArray();
            if (series[s].Joined)
                plot.Series.Add(FigureStyle.Line(null, points.Select(p => p.X), points.Select(p => p.Mean), color, markerSize: 0));
            var bars = new ScatterErrorSeries
            {
                Title = series[s].Name, MarkerType = MarkerType.Circle, MarkerSize = 5, MarkerFill = color,
                ErrorBarColor = color, ErrorBarStrokeThickness = 1.5, ErrorBarStopWidth = 5,
            };
            // OxyPlot's error value is the bar's whole length, centred on the point: 2·std draws ±1 std.
            bars.Points.AddRange(points.Select(p => new ScatterErrorPoint(p.X, p.Mean, 0, 2 * p.Std)));
            plot.Series.Add(bars);
            foreach (var p in points.Where(p => p.Label is not null))
                plot.Annotations.Add(LabelBeside(p, color));
        }
        var x = plot.Axes.First(a => a.Position == AxisPosition.Bottom);
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).ToArray();
        if (xFormat is not null) x.LabelFormatter = xFormat;
        if (xTicks is not null && !logarithmicX)
        {
            // A tick at every whole number, labelled only where something was measured (kernels 1, 3, 5, 7).
            x.MajorStep = 1;
            x.MajorGridlineStyle = LineStyle.None;
            var format = xFormat ?? (v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            x.LabelFormatter = v => xTicks.Any(t => Math.Abs(t - v) < 1e-6) ? format(v) : "";
        }
        var spread = logarithmicX ? 1.3 : 0;
        (x.Minimum, x.Maximum) = logarithmicX ? (xs.Min() / spread, xs.Max() * spread) : (xs.Min() - 0.5 * Step(xs), xs.Max() + 0.5 * Step(xs));
        var lows = series.SelectMany(s => s.Points.Select(p => p.Mean - p.Std)).Min();
        var highs = series.SelectMany(s => s.Points.Select(p => p.Mean + p.Std)).Max();
        var margin = Math.Max(1, 0.08 * (highs - lows));
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum) = (Math.Max(0, lows - margin), Math.Min(100, highs + 2 * margin)); // room above for labels
        FigureStyle.PercentTicks(y);
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    // A point's label to its right, level with it: labels above points collide when variants have similar sizes.
    static OxyPlot.Annotations.TextAnnotation LabelBeside(MeanPoint point, OxyColor color) => new()
    {
        Text = point.Label, TextPosition = new DataPoint(point.X, point.Mean), TextHorizontalAlignment = HorizontalAlignment.Left,
        TextVerticalAlignment = VerticalAlignment.Middle, FontSize = FigureStyle.AnnotationSize - 2, TextColor = color,
        Stroke = OxyColors.Undefined, StrokeThickness = 0, Offset = new ScreenVector(8, 0),
    };

    static double Step(double[] xs)
    {
        var distinct = xs.Distinct().Order().ToArray();
        return distinct.Length > 1 ? distinct.Zip(distinct.Skip(1), (a, b) => b - a).Min() : 1;
    }

    static void UseLogarithmicX(PlotModel plot, string title)
    {
        var linear = FigureStyle.XAxis(plot);
        plot.Axes.Remove(linear);
        plot.Axes.Add(new LogarithmicAxis
        {
            Position = AxisPosition.Bottom, Title = title, TitleFontSize = linear.TitleFontSize, FontSize = linear.FontSize,
            AxislineColor = linear.AxislineColor, TicklineColor = linear.TicklineColor, TickStyle = linear.TickStyle, MinorTickSize = 0,
            MajorGridlineStyle = linear.MajorGridlineStyle, MajorGridlineColor = linear.MajorGridlineColor, AxisTitleDistance = linear.AxisTitleDistance,
        });
    }
}
