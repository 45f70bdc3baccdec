using Cifar10.Core.Training;
using OxyPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary><c>comparison-curves.png</c>: validation accuracy and loss by epoch, one line per run.</summary>
internal static class ComparisonCurvesPlot
{
    /// <summary>Writes the two-panel figure (accuracy left, loss right).</summary>
    public static void Save(string path, IReadOnlyList<(string Label, TrainingHistory History)> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("at least one run is needed", nameof(runs));
        var accuracy = Panel("Validation accuracy by epoch", "Validation accuracy", runs, e => 100 * e.ValidationAccuracy);
        FigureStyle.PercentTicks(FigureStyle.YAxis(accuracy));
        var loss = Panel("Validation loss by epoch", "Validation cross-entropy loss", runs, e => e.ValidationLoss);
        PngWriter.Save(path, [accuracy, loss], 720, 500);
    }

    static PlotModel Panel(string title, string yLabel, IReadOnlyList<(string Label, TrainingHistory History)> runs, Func<EpochRecord, double> value)
    {
        var plot = FigureStyle.Create(title, "Epoch", yLabel);
        for (int r = 0; r < runs.Count; r++)
        {
            var epochs = runs[r].History.Epochs;
            if (epochs.Count == 0) continue; // a run stopped before its first epoch has nothing to draw
            plot.Series.Add(FigureStyle.Line(runs[r].Label, epochs.Select(e => (double)e.Epoch), epochs.Select(value), FigureStyle.SeriesColor(r), markerSize: 4));
        }
        FigureStyle.EpochTicks(plot, runs.Max(r => r.History.Epochs.Count));
        FigureStyle.LegendBelow(plot); // below the axes: a run's curve can end in any corner
        return plot;
    }
}
