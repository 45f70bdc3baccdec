using ScottPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// The look every study figure shares: font sizes large enough to read in a report at a glance,
/// one categorical palette, category and integer-epoch ticks.
/// </summary>
internal static class FigureStyle
{
    public const float TitleSize = 20, LabelSize = 16, TickSize = 14, LegendSize = 14, AnnotationSize = 13;

    static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The i-th series colour (wraps after ten).</summary>
    public static Color SeriesColor(int index) => Palette.GetColor(index);

    /// <summary>A plot with title, axis labels and the shared font sizes.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        return plot;
    }

    /// <summary>
    /// One tick per category at 0, 1, 2, … Names are rotated on the x axis: ten class names
    /// side by side overlap at any panel width a report can show.
    /// </summary>
    public static void CategoryTicks(Plot plot, IReadOnlyList<string> names, bool onXAxis = true)
    {
        var positions = Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray();
        var axis = onXAxis ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        axis.SetTicks(positions, names.ToArray());
        if (onXAxis && names.Count > 4)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 90; // room for the rotated names below the axis
        }
    }

    /// <summary>Epochs are whole numbers: never label 1.5.</summary>
    public static void EpochTicks(Plot plot, int epochCount)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (epochCount <= 1) plot.Axes.SetLimitsX(0, 2); // a single point would otherwise get a zero-width axis
    }

    /// <summary>Legend with the shared font, where it hides the least.</summary>
    public static void Legend(Plot plot, Alignment alignment = Alignment.UpperRight)
    {
        plot.ShowLegend(alignment);
        plot.Legend.FontSize = LegendSize;
    }

    /// <summary>Legend in a strip below the axes: for long entries that would cover the data.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = LegendSize;
    }
}
