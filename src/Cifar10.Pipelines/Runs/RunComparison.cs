using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Runs;

/// <summary>Finished runs side by side by training time.</summary>
public static class RunComparison
{
    /// <summary>
    /// Draws <paramref name="runs"/>' validation accuracy after each epoch against minutes of training,
    /// their test accuracy as a diamond at the end, and a dashed goal line at <paramref name="targetPercent"/> when given.
    /// </summary>
    public static void SavePlot(string pngPath, IReadOnlyList<FinishedRun> runs, double? targetPercent = null) =>
        AccuracyByTimePlot.Save(pngPath, runs, targetPercent);
}
