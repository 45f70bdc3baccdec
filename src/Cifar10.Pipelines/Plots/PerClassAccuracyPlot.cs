using Cifar10.Pipelines.Evaluation;

namespace Cifar10.Pipelines.Plots;

/// <summary><c>per-class-accuracy.png</c>: each model's recall on every class (the share of that class's test images it gets right).</summary>
internal static class PerClassAccuracyPlot
{
    /// <summary>Writes grouped bars: one group per class, one colour per model.</summary>
    public static void Save(string path, IReadOnlyList<(string Model, ClassificationMetrics Metrics)> models)
    {
        if (models.Count == 0) throw new ArgumentException("at least one model is needed", nameof(models));
        var classes = models[0].Metrics.ClassNames;
        var series = models.Select(m => (m.Model, (IReadOnlyList<double>)m.Metrics.PerClassRecall.Select(r => 100 * r).ToArray())).ToArray();
        var plot = GroupedBarChart.Create("Per-class test accuracy (recall) by model", "True class", "Recall", classes, series, valueFormat: "F0");
        // A fixed 0–100 % scale so figures of different runs compare; the room above 100 holds the bars' labels.
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum, y.MajorStep) = (0, 108, 20);
        FigureStyle.PercentTicks(y);
        PngWriter.Save(path, [plot], 1100, 520);
    }
}
