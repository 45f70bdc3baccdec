namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// A run whose last epoch, as Keras' default would report it, looks collapsed: test accuracy below
/// <see cref="CollapseSummary.CollapsedBelow"/> while its training accuracy is at least
/// <see cref="CollapseSummary.TrainingAbove"/>; with the test accuracy after the BatchNorm statistics
/// are recomputed over the training images, and with the best epoch's weights.
/// </summary>
public sealed record CollapseCase(string Cell, int Seed, int Epoch, double TrainAccuracy, double TestAccuracy, double RecalibratedTestAccuracy, double BestWeightsTestAccuracy)
{
    /// <summary>Whether recomputing the statistics brings the run out of the collapse.</summary>
    public bool Recovered => RecalibratedTestAccuracy >= CollapseSummary.CollapsedBelow;
}

/// <summary>The 5×5 question over every run with BatchNorm: how often the last epoch collapses, and whether the statistics explain it.</summary>
public sealed record CollapseSummary(int RunsExamined, IReadOnlyList<CollapseCase> Cases, double MedianRecalibrationGain, double LargestRecalibrationGain)
{
    /// <summary>Test accuracy under which a run counts as collapsed (the original's 5×5 reported 25.76 %).</summary>
    public const double CollapsedBelow = 0.30;
    /// <summary>Training accuracy (dropout on) from which a run counts as having learnt.</summary>
    public const double TrainingAbove = 0.50;

    /// <summary>The summary over the runs of every cell whose network has BatchNorm (the CNNs).</summary>
    public static CollapseSummary From(IEnumerable<SuiteCellResults> cells)
    {
        var measured = cells.Where(c => c.Model.StartsWith("cnn-", StringComparison.Ordinal))
            .SelectMany(c => c.Runs.Where(r => r.LastEpoch is not null).Select(r => (Cell: c.Name, Run: r, Last: r.LastEpoch!))).ToArray();
        var cases = measured.Where(m => m.Last.TestAccuracy < CollapsedBelow && m.Last.TrainAccuracy >= TrainingAbove)
            .Select(m => new CollapseCase(m.Cell, m.Run.Seed, m.Last.Epoch, m.Last.TrainAccuracy, m.Last.TestAccuracy, m.Last.RecalibratedTestAccuracy, m.Run.TestAccuracy))
            .ToArray();
        var gains = measured.Select(m => m.Last.RecalibratedTestAccuracy - m.Last.TestAccuracy).Order().ToArray();
        return new CollapseSummary(measured.Length, cases, gains.Length > 0 ? gains[gains.Length / 2] : 0, gains.Length > 0 ? gains[^1] : 0);
    }
}
