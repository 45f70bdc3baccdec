namespace Cifar10.Pipelines.Plots;

/// <summary><c>per-class-accuracy.png</c>: each model's recall on every class (the share of that class's test images it gets right), mean over seeds.</summary>
internal static class PerClassAccuracyPlot
{
    /// <summary>Writes grouped bars: one group per class, one colour per model; <paramref name="seeds"/> is in the title.</summary>
    public static void Save(string path, IReadOnlyList<string> classes, IReadOnlyList<(string Model, IReadOnlyList<double> Recall)> models, int seeds)
    {
        if (models.Count == 0) throw new ArgumentException("at least one model is needed", nameof(models));
        var series = models.Select(m => (m.Model, (IReadOnlyList<double>)m.Recall.Select(r => 100 * r).ToArray())).ToArray();
        var title = seeds > 1 ? $"Per-class test accuracy (recall) by model, mean over {seeds} seeds" : "Per-class test accuracy (recall) by model";
        var plot = GroupedBarChart.Create(title, "True class", "Recall", classes, series, valueFormat: "F0");
        // A fixed 0–100 % scale so figures of different runs compare; the room above 100 holds the bars' labels.
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum, y.MajorStep) = (0, 108, 20);
        FigureStyle.PercentTicks(y);
        PngWriter.Save(path, [plot], 1100, 520);
    }
}
