using Cifar10.Core.Training;
using ScottPlot;

namespace Cifar10.Pipelines.Plots;

/// <summary><c>learning-curves.png</c>: accuracy and loss by epoch, train vs validation, best epoch marked.</summary>
public static class LearningCurvesPlot
{
    /// <summary>Writes the two-panel figure for one run.</summary>
    public static void Save(string path, string modelName, TrainingHistory history)
    {
        var epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        var accuracy = Panel($"{modelName}: accuracy", "Accuracy (%)", epochs,
            history.Epochs.Select(e => 100 * e.TrainAccuracy).ToArray(), history.Epochs.Select(e => 100 * e.ValidationAccuracy).ToArray(), history.BestEpoch, Alignment.LowerRight);
        var loss = Panel($"{modelName}: loss", "Cross-entropy loss", epochs,
            history.Epochs.Select(e => e.TrainLoss).ToArray(), history.Epochs.Select(e => e.ValidationLoss).ToArray(), history.BestEpoch, Alignment.UpperRight);
        PngWriter.Save(path, [accuracy, loss]);
    }

    static Plot Panel(string title, string yLabel, double[] epochs, double[] train, double[] validation, int bestEpoch, Alignment legend)
    {
        var plot = FigureStyle.Create(title, "Epoch", yLabel);
        var t = plot.Add.Scatter(epochs, train);
        t.LegendText = "train";
        t.LineWidth = 2;
        t.MarkerSize = 5;
        var v = plot.Add.Scatter(epochs, validation);
        v.LegendText = "validation";
        v.LineWidth = 2;
        v.MarkerSize = 5;
        var best = plot.Add.VerticalLine(bestEpoch);
        best.LineWidth = 1;
        best.LinePattern = LinePattern.Dashed;
        best.Color = Colors.Gray;
        best.LegendText = $"best epoch ({bestEpoch})";
        FigureStyle.Legend(plot, legend); // accuracy rises, loss falls: each legend goes where its curves are not
        FigureStyle.EpochTicks(plot, epochs.Length);
        return plot;
    }
}
