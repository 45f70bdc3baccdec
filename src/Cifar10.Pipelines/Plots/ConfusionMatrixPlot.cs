using Cifar10.Pipelines.Evaluation;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// <c>confusion-&lt;model&gt;.png</c>: the row-normalised confusion matrix as a heatmap: row = true class,
/// column = predicted class, each cell the percentage of that true class predicted as that column.
/// </summary>
internal static class ConfusionMatrixPlot
{
    /// <summary>Writes the heatmap with class names on both axes, a percentage in every cell and a colour bar.</summary>
    public static void Save(string path, string modelName, ClassificationMetrics metrics)
    {
        var names = metrics.ClassNames;
        int n = names.Count;
        if (metrics.ConfusionMatrix.Count != n || metrics.ConfusionMatrix.Any(r => r.Count != n))
            throw new ArgumentException($"the confusion matrix must be {n} × {n} (one row and column per class)", nameof(metrics));
        var percent = RowPercentages(metrics.ConfusionMatrix);

        var plot = FigureStyle.Create($"{modelName}: confusion matrix (test, {metrics.Count:N0} images, accuracy {100 * metrics.MicroAccuracy:F1} %)",
            "Predicted class", "True class");
        plot.Axes.Add(new LinearColorAxis
        {
            Position = AxisPosition.Right,
            Title = "% of the true class",
            TitleFontSize = FigureStyle.LabelSize,
            FontSize = FigureStyle.TickSize,
            Palette = Blues,
            Minimum = 0,
            Maximum = 100,
            MajorStep = 20,
            MinorStep = 20, // no minor ticks: marks between the labels add ink, not information
            InvalidNumberColor = OxyColors.LightGray, // a class with no test images
            LabelFormatter = v => $"{v:0} %",
        });
        // Data[x, y]: x is the predicted class (column), y the true class (row); the centres of the
        // first and last cells sit on 0 and n - 1, where the class ticks are.
        var cells = new double[n, n];
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++) cells[p, t] = percent[t, p];
        plot.Series.Add(new HeatMapSeries { X0 = 0, X1 = n - 1, Y0 = 0, Y1 = n - 1, Data = cells, Interpolate = false, RenderMethod = HeatMapRenderMethod.Rectangles });
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++)
            {
                // The percentage, rounded, bold on the diagonal; dark cells get light text, an empty class a dash.
                var value = percent[t, p];
                plot.Annotations.Add(FigureStyle.Text(double.IsNaN(value) ? "–" : $"{value:F0}", p, t, FigureStyle.AnnotationSize,
                    value > 55 ? OxyColors.White : FigureStyle.Ink, bold: t == p));
            }
        FigureStyle.CategoryTicks(plot, names);
        FigureStyle.CategoryTicks(plot, names, onXAxis: false);
        foreach (var axis in new[] { FigureStyle.XAxis(plot), FigureStyle.YAxis(plot) }) (axis.Minimum, axis.Maximum) = (-0.5, n - 0.5);
        // True class 0 on the top row, as a confusion matrix is read.
        (FigureStyle.YAxis(plot).StartPosition, FigureStyle.YAxis(plot).EndPosition) = (1, 0);
        PngWriter.Save(path, [plot], 860, 760);
    }

    // White at 0 % to dark blue at 100 % (the ColorBrewer "Blues" ramp): an empty cell disappears, a full one stands out.
    static readonly OxyPalette Blues = OxyPalette.Interpolate(256,
        OxyColor.FromRgb(0xF7, 0xFB, 0xFF), OxyColor.FromRgb(0xC6, 0xDB, 0xEF), OxyColor.FromRgb(0x6B, 0xAE, 0xD6),
        OxyColor.FromRgb(0x21, 0x71, 0xB5), OxyColor.FromRgb(0x08, 0x30, 0x6B));

    // Percent of each true class (row); NaN for a class with no test images, drawn grey with a dash.
    static double[,] RowPercentages(IReadOnlyList<IReadOnlyList<double>> counts)
    {
        int n = counts.Count;
        var percent = new double[n, n];
        for (int t = 0; t < n; t++)
        {
            var total = counts[t].Sum();
            for (int p = 0; p < n; p++)
                percent[t, p] = total > 0 ? 100 * counts[t][p] / total : double.NaN;
        }
        return percent;
    }
}
