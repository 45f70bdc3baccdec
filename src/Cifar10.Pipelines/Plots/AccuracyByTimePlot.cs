using Cifar10.Pipelines.Runs;
using ScottPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// <c>accuracy-by-time.png</c>: validation accuracy against minutes of training, one line per run,
/// each run's test accuracy as a diamond where its training ended, and an optional target line.
/// Minutes rather than epochs: recipes with different epoch costs are compared on what the user pays.
/// </summary>
internal static class AccuracyByTimePlot
{
    /// <summary>Width of the figure in pixels.</summary>
    public const int Width = 900;

    /// <summary>
    /// Height of the figure in pixels: 600, plus room for each legend row beyond four, so that the
    /// axes keep their height however many runs the legend below them lists (two entries fit a row).
    /// </summary>
    public static int HeightFor(int runs, bool withTarget)
    {
        var legendEntries = runs + 1 + (withTarget ? 1 : 0); // one per run, the dots/diamond key, the target
        var legendRows = (legendEntries + 1) / 2;
        return 600 + 26 * Math.Max(0, legendRows - 4);
    }

    /// <summary>Writes the figure; <paramref name="targetPercent"/> draws a dashed goal line when given.</summary>
    public static void Save(string path, IReadOnlyList<FinishedRun> runs, double? targetPercent = null)
    {
        if (runs.Count == 0) throw new ArgumentException("at least one run is needed", nameof(runs));
        var plot = FigureStyle.Create("Accuracy by training time", "Minutes of training", "Accuracy (%)");
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var color = FigureStyle.SeriesColor(r);
            var line = plot.Add.Scatter(run.EpochEndMinutes(), run.History.Epochs.Select(e => 100 * e.ValidationAccuracy).ToArray());
            line.LegendText = $"{run.Name}: test {100 * run.TestAccuracy:F2} %";
            line.Color = color;
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            plot.Add.Marker(run.TrainingMinutes, 100 * run.TestAccuracy, MarkerShape.FilledDiamond, 14, color);
        }
        // One entry per run (its colour) and one that explains the two kinds of points.
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "dots: validation after each epoch; diamond: test",
            MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = Colors.Gray, MarkerSize = 12,
        });
        if (targetPercent is double target)
        {
            var goal = plot.Add.HorizontalLine(target);
            goal.LinePattern = LinePattern.Dashed;
            goal.LineWidth = 1.5f;
            goal.Color = Colors.Gray;
            goal.LegendText = $"target {target:G4} %";
        }
        plot.Axes.SetLimitsX(0, 1.05 * runs.Max(r => r.TrainingMinutes));
        FigureStyle.LegendBelow(plot); // one entry per run: below the axes they cover no curve
        PngWriter.Save(path, [plot], Width, HeightFor(runs.Count, targetPercent is not null));
    }
}
