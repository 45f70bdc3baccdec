using Cifar10.Pipelines.Evaluation;
using ScottPlot;

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
        // Heatmap row 0 is drawn at the top. Position names the outer cells' centres (the drawn area is
        // one cell larger), so cells centre on integers where the class ticks are.
        var heatmap = plot.Add.Heatmap(percent);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // white = 0 %, dark blue = 100 %
        heatmap.ManualRange = new ScottPlot.Range(0, 100);
        heatmap.NaNCellColor = Colors.LightGray;
        heatmap.Position = new CoordinateRect(0, n - 1, 0, n - 1);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "% of the true class";
        bar.LabelStyle.FontSize = FigureStyle.LabelSize;
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++)
            {
                var value = percent[t, p];
                var text = plot.Add.Text(double.IsNaN(value) ? "–" : $"{value:F0}", p, n - 1 - t);
                text.LabelFontSize = FigureStyle.AnnotationSize;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelBold = t == p;
                text.LabelFontColor = value > 55 ? Colors.White : Colors.Black; // dark cells need light text
            }
        FigureStyle.CategoryTicks(plot, names);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), names.ToArray());
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        PngWriter.Save(path, [plot], 860, 760);
    }

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
