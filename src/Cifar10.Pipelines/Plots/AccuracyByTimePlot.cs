using Cifar10.Pipelines.Runs;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Series;

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
    /// Height of the figure in pixels: 600, plus a legend row's height for each row beyond four, so
    /// that the axes keep their height however many runs the legend below them lists (the legend
    /// fills each row with as many entries as fit the width; two always do).
    /// </summary>
    public static int HeightFor(int runs, bool withTarget)
    {
        var legendEntries = runs + 1 + (withTarget ? 1 : 0); // one per run, the dots/diamond key, the target
        var legendRows = (legendEntries + 1) / 2;
        return 600 + FigureStyle.LegendRowHeight * Math.Max(0, legendRows - 4);
    }

    const double DiamondSize = 7;

    /// <summary>Writes the figure; <paramref name="targetPercent"/> draws a dashed goal line when given.</summary>
    public static void Save(string path, IReadOnlyList<FinishedRun> runs, double? targetPercent = null)
    {
        if (runs.Count == 0) throw new ArgumentException("at least one run is needed", nameof(runs));
        var plot = FigureStyle.Create("Accuracy by training time", "Minutes of training", "Accuracy");
        var diamonds = new List<ScatterSeries>();
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var color = FigureStyle.SeriesColor(r);
            plot.Series.Add(FigureStyle.Line($"{run.Name}: test {100 * run.TestAccuracy:F2} %", run.History.EpochEndMinutes(), run.History.Epochs.Select(e => 100 * e.ValidationAccuracy), color, markerSize: 3.5));
            var test = new ScatterSeries { MarkerType = MarkerType.Diamond, MarkerSize = DiamondSize, MarkerFill = color, MarkerStroke = OxyColors.White, MarkerStrokeThickness = 1 };
            test.Points.Add(new ScatterPoint(run.TrainingMinutes, 100 * run.TestAccuracy));
            diamonds.Add(test);
        }
        foreach (var test in diamonds) plot.Series.Add(test); // after every line, so no later curve covers a diamond
        // One entry per run (its colour) and one that explains the two kinds of points.
        FigureStyle.LegendMarker(plot, "dots: validation after each epoch; diamond: test", MarkerType.Diamond, FigureStyle.Neutral, DiamondSize);
        if (targetPercent is double target)
            FigureStyle.ReferenceLine(plot, LineAnnotationType.Horizontal, target, $"target {target:G4} %");
        var x = FigureStyle.XAxis(plot);
        (x.Minimum, x.Maximum) = (0, 1.05 * runs.Max(r => r.TrainingMinutes));
        var y = FigureStyle.YAxis(plot);
        if (targetPercent is double goal)
        {
            // Annotations do not stretch the axis: make room for the goal line when every run is below it.
            var values = runs.SelectMany(r => r.History.Epochs.Select(e => 100 * e.ValidationAccuracy).Append(100 * r.TestAccuracy)).Append(goal).ToArray();
            var span = Math.Max(1, values.Max() - values.Min());
            (y.Minimum, y.Maximum) = (values.Min() - 0.05 * span, values.Max() + 0.05 * span);
        }
        FigureStyle.PercentTicks(y);
        FigureStyle.LegendBelow(plot); // one entry per run: below the axes they cover no curve
        PngWriter.Save(path, [plot], Width, HeightFor(runs.Count, targetPercent is not null));
    }
}
