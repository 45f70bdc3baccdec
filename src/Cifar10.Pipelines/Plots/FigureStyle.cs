using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// The look every study figure shares: a white page, one sans-serif typeface at sizes large enough
/// to read in a report at a glance, light grid lines, one categorical palette, category, epoch and
/// percent ticks, and legends outside the axes, where they hide no data.
/// </summary>
internal static class FigureStyle
{
    public const double TitleSize = 18, LabelSize = 15, TickSize = 13, LegendSize = 13, AnnotationSize = 13;

    /// <summary>
    /// Height of one row of a legend outside the axes, in pixels: the line height of the typeface at
    /// <see cref="LegendSize"/> (1.16 em for DejaVu Sans) plus <see cref="LegendRowSpacing"/>.
    /// </summary>
    public const int LegendRowHeight = 17;

    const double LegendRowSpacing = 2;

    /// <summary>
    /// The typeface of every figure, charts and image grids alike. OxyPlot's default ("Segoe UI") is
    /// not on Linux, and Skia's fallback for an unknown family here is a maths font.
    /// </summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Text and axis lines: near-black reads softer than black next to coloured data.</summary>
    public static readonly OxyColor Ink = OxyColor.FromRgb(0x22, 0x22, 0x22);

    /// <summary>Reference marks that are not data (goal lines, best epoch, legend keys).</summary>
    public static readonly OxyColor Neutral = OxyColor.FromRgb(0x70, 0x70, 0x70);

    static readonly OxyColor GridColor = OxyColor.FromRgb(0xE4, 0xE4, 0xE4);

    // Category10 (matplotlib's default cycle): ten colours that stay apart in print and for most colour-blind readers.
    static readonly OxyColor[] Palette =
    [
        OxyColor.FromRgb(0x1F, 0x77, 0xB4), OxyColor.FromRgb(0xFF, 0x7F, 0x0E), OxyColor.FromRgb(0x2C, 0xA0, 0x2C),
        OxyColor.FromRgb(0xD6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xBD), OxyColor.FromRgb(0x8C, 0x56, 0x4B),
        OxyColor.FromRgb(0xE3, 0x77, 0xC2), OxyColor.FromRgb(0x7F, 0x7F, 0x7F), OxyColor.FromRgb(0xBC, 0xBD, 0x22),
        OxyColor.FromRgb(0x17, 0xBE, 0xCF),
    ];

    /// <summary>The i-th series colour (wraps after ten).</summary>
    public static OxyColor SeriesColor(int index) => Palette[index % Palette.Length];

    /// <summary>A plot with title, axis labels (a linear x axis at the bottom, y on the left) and the shared look.</summary>
    public static PlotModel Create(string title, string xLabel, string yLabel)
    {
        var plot = new PlotModel
        {
            Title = title,
            TitleFontSize = TitleSize,
            TitleFontWeight = FontWeights.Bold,
            TitleColor = Ink,
            TextColor = Ink,
            DefaultFont = FontFamily,
            DefaultFontSize = TickSize,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColor.FromRgb(0xB0, 0xB0, 0xB0),
            PlotAreaBorderThickness = new OxyThickness(1),
            Padding = new OxyThickness(8, 10, 18, 10),
            IsLegendVisible = false,
        };
        plot.Axes.Add(Axis(AxisPosition.Bottom, xLabel));
        plot.Axes.Add(Axis(AxisPosition.Left, yLabel));
        return plot;
    }

    /// <summary>The x axis <see cref="Create"/> made.</summary>
    public static LinearAxis XAxis(PlotModel plot) => plot.Axes.OfType<LinearAxis>().First(a => a.Position == AxisPosition.Bottom);

    /// <summary>The y axis <see cref="Create"/> made.</summary>
    public static LinearAxis YAxis(PlotModel plot) => plot.Axes.OfType<LinearAxis>().First(a => a.Position == AxisPosition.Left);

    static LinearAxis Axis(AxisPosition position, string title) => new()
    {
        Position = position,
        Title = title,
        TitleFontSize = LabelSize,
        FontSize = TickSize,
        AxislineColor = Ink,
        TicklineColor = Ink,
        TickStyle = TickStyle.Outside,
        MinorTickSize = 0, // minor ticks add ink, not information
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = GridColor,
        MinimumPadding = 0.03,
        MaximumPadding = 0.05,
        AxisTitleDistance = 8,
        // Least pixels between ticks: OxyPlot's 60 leaves a short y axis two labels; x labels are wider.
        IntervalLength = position == AxisPosition.Left ? 45 : 80,
    };

    /// <summary>
    /// One tick per category at 0, 1, 2, … labelled with its name, and no grid line across the bars.
    /// Names are slanted on the x axis: ten class names side by side overlap at any panel width a
    /// report can show.
    /// </summary>
    public static void CategoryTicks(PlotModel plot, IReadOnlyList<string> names, bool onXAxis = true)
    {
        var axis = onXAxis ? XAxis(plot) : YAxis(plot);
        axis.MajorStep = 1;
        axis.MinorStep = 1;
        axis.MajorGridlineStyle = LineStyle.None;
        axis.LabelFormatter = v =>
        {
            var i = (int)Math.Round(v);
            return Math.Abs(v - i) < 1e-6 && i >= 0 && i < names.Count ? names[i] : "";
        };
        if (onXAxis && names.Count > 4) axis.Angle = -35;
    }

    /// <summary>Epochs are whole numbers: never label 1.5.</summary>
    public static void EpochTicks(PlotModel plot, int epochCount)
    {
        var axis = XAxis(plot);
        axis.MinimumMajorStep = 1;
        axis.MinimumMinorStep = 1;
        if (epochCount <= 1) (axis.Minimum, axis.Maximum) = (0, 2); // a single point would otherwise get a zero-width axis
    }

    /// <summary>Tick labels as percentages ("40 %"); <paramref name="format"/> formats the number.</summary>
    public static void PercentTicks(Axis axis, string format = "0.##") => axis.LabelFormatter = v => $"{v.ToString(format)} %";

    /// <summary>Legend in a strip below the axes: for long entries, or curves that can end in any corner.</summary>
    public static void LegendBelow(PlotModel plot) => LegendOutside(plot, LegendPosition.BottomCenter);

    /// <summary>Legend in a strip between the title and the axes: for bars, which fill the axes up to their top.</summary>
    public static void LegendAbove(PlotModel plot) => LegendOutside(plot, LegendPosition.TopCenter);

    // Outside the axes a legend covers no data, and OxyPlot measures it before laying out the axes, so
    // it is never clipped: long entries wrap onto more rows and the axes give up the height.
    static void LegendOutside(PlotModel plot, LegendPosition position)
    {
        plot.IsLegendVisible = true;
        plot.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = position,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendFontSize = LegendSize,
            LegendTextColor = Ink,
            LegendItemSpacing = 24,
            LegendSymbolLength = 28,
            LegendLineSpacing = LegendRowSpacing,
            LegendMargin = 6,
        });
    }

    /// <summary>A data line with a dot at every point (each point is a measurement, e.g. an epoch); no dots when <paramref name="markerSize"/> is 0.</summary>
    public static LineSeries Line(string? title, IEnumerable<double> x, IEnumerable<double> y, OxyColor color, double thickness = 2.5, double markerSize = 3.5)
    {
        var line = new LineSeries { Title = title, Color = color, StrokeThickness = thickness, MarkerType = markerSize > 0 ? MarkerType.Circle : MarkerType.None, MarkerSize = markerSize, MarkerFill = color };
        line.Points.AddRange(x.Zip(y, (a, b) => new DataPoint(a, b)));
        return line;
    }

    /// <summary>
    /// A dashed line across the whole axes at <paramref name="at"/> (an x value when
    /// <paramref name="type"/> is vertical), grey unless <paramref name="color"/> says otherwise; with
    /// <paramref name="legendText"/> the legend gets an entry drawn the same way (annotations have none of their own).
    /// </summary>
    public static void ReferenceLine(PlotModel plot, LineAnnotationType type, double at, string? legendText = null, OxyColor? color = null)
    {
        var ink = color ?? Neutral;
        plot.Annotations.Add(new LineAnnotation { Type = type, X = at, Y = at, Color = ink, LineStyle = LineStyle.Dash, StrokeThickness = 1.5 });
        if (legendText is not null) LegendLine(plot, legendText, ink, LineStyle.Dash, 1.5);
    }

    // A legend entry with a line that draws nothing in the axes: for marks drawn as annotations.
    static void LegendLine(PlotModel plot, string text, OxyColor color, LineStyle style, double thickness) =>
        plot.Series.Add(new LineSeries { Title = text, Color = color, LineStyle = style, StrokeThickness = thickness });

    /// <summary>
    /// Text at a data point, centred on it horizontally, without a box: value labels on bars and
    /// cells. <paramref name="vertical"/> Bottom puts the text just above the point.
    /// </summary>
    public static TextAnnotation Text(string text, double x, double y, double size, OxyColor color, VerticalAlignment vertical = VerticalAlignment.Middle, bool bold = false) => new()
    {
        Text = text,
        TextPosition = new DataPoint(x, y),
        TextHorizontalAlignment = HorizontalAlignment.Center,
        TextVerticalAlignment = vertical,
        FontSize = size,
        FontWeight = bold ? FontWeights.Bold : FontWeights.Normal,
        TextColor = color,
        Stroke = OxyColors.Undefined,
        StrokeThickness = 0,
        Padding = new OxyThickness(0, 0, 0, vertical == VerticalAlignment.Bottom ? 2 : 0),
    };

    /// <summary>A legend entry with a marker alone, drawing nothing in the axes: a key to points drawn by other series.</summary>
    public static void LegendMarker(PlotModel plot, string text, MarkerType marker, OxyColor color, double size) =>
        plot.Series.Add(new ScatterSeries { Title = text, MarkerType = marker, MarkerFill = color, MarkerSize = size });

    /// <summary>A legend entry with a filled box, drawing nothing in the axes: a key to bars drawn in several colours.</summary>
    public static void LegendBox(PlotModel plot, string text, OxyColor color) =>
        plot.Series.Add(new RectangleBarSeries { Title = text, FillColor = color, StrokeThickness = 0 });
}
