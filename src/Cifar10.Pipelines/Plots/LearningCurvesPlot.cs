using Cifar10.Core.Training;
using OxyPlot;
using OxyPlot.Annotations;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// <c>learning-curves.png</c>: accuracy and loss by epoch, train vs validation, best epoch marked. The
/// legend says how each was measured: training figures have dropout, augmentation and label smoothing
/// on and average over the epoch, so they can sit below validation without anything being wrong.
/// A diagnostic run's history (test accuracy after each epoch) adds a third panel: test accuracy by minutes of training.
/// </summary>
internal static class LearningCurvesPlot
{
    /// <summary>Writes the two-panel figure for one run.</summary>
    public static void Save(string path, string modelName, TrainingHistory history)
    {
        var epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        var accuracy = Panel($"{modelName}: accuracy", "Accuracy", epochs,
            history.Epochs.Select(e => 100 * e.TrainAccuracy).ToArray(), history.Epochs.Select(e => 100 * e.ValidationAccuracy).ToArray(), history.BestEpoch);
        FigureStyle.PercentTicks(FigureStyle.YAxis(accuracy));
        var loss = Panel($"{modelName}: loss", "Cross-entropy loss", epochs,
            history.Epochs.Select(e => e.TrainLoss).ToArray(), history.Epochs.Select(e => e.ValidationLoss).ToArray(), history.BestEpoch);
        PngWriter.Save(path, history.Epochs.All(e => e.TestAccuracy is not null) ? [accuracy, loss, TestByTime(modelName, history)] : [accuracy, loss]);
    }

    static PlotModel TestByTime(string modelName, TrainingHistory history)
    {
        var plot = FigureStyle.Create($"{modelName}: test accuracy by training time", "Minutes of training (test passes not counted)", "Test accuracy");
        var minutes = history.EpochEndMinutes();
        var singleView = history.Epochs.All(e => e.SingleViewTestAccuracy is not null);
        plot.Series.Add(FigureStyle.Line(singleView ? "test, the recipe's views averaged" : "test", minutes,
            history.Epochs.Select(e => 100 * e.TestAccuracy!.Value), FigureStyle.SeriesColor(2), thickness: 2));
        if (singleView)
            plot.Series.Add(FigureStyle.Line("test, one view", minutes, history.Epochs.Select(e => 100 * e.SingleViewTestAccuracy!.Value), FigureStyle.SeriesColor(3), thickness: 2));
        FigureStyle.PercentTicks(FigureStyle.YAxis(plot));
        FigureStyle.XAxis(plot).Minimum = 0;
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    static PlotModel Panel(string title, string yLabel, double[] epochs, double[] train, double[] validation, int bestEpoch)
    {
        var plot = FigureStyle.Create(title, "Epoch", yLabel);
        plot.Series.Add(FigureStyle.Line("train (training mode, epoch mean)", epochs, train, FigureStyle.SeriesColor(0), thickness: 2));
        plot.Series.Add(FigureStyle.Line("validation (inference mode)", epochs, validation, FigureStyle.SeriesColor(1), thickness: 2));
        FigureStyle.ReferenceLine(plot, LineAnnotationType.Vertical, bestEpoch, $"best epoch ({bestEpoch})");
        FigureStyle.LegendBelow(plot); // below the axes: curves can be anywhere, and the entries are long
        FigureStyle.EpochTicks(plot, epochs.Length);
        return plot;
    }
}
