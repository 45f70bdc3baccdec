using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// A cell over its seeds: the network's size, test accuracy (mean ± std), the last epoch's test
/// accuracy as Keras' default reports it and with its BatchNorm statistics recomputed over the
/// training images (the same as the former for a network without BatchNorm), and the difference to <c>cnn-3x3</c> on the same training
/// set (Welch's 95 % interval; null with fewer than two seeds, or for the reference itself).
/// </summary>
public sealed record SuiteCellResults(
    string Name,
    string Model,
    string Description,
    int TrainImages,
    bool Permuted,
    long TotalParameters,
    long ForwardMultiplyAdds,
    SampleSummary TestAccuracy,
    SampleSummary? LastEpochTestAccuracy,
    SampleSummary? RecalibratedLastEpochTestAccuracy,
    SampleSummary GeneralisationGap,
    SampleSummary EpochsRun,
    double TrainingMinutes,
    string Reference,
    double DifferenceToReference,
    WelchInterval? IntervalToReference,
    IReadOnlyDictionary<int, SampleSummary>? ShiftedTestAccuracy,
    IReadOnlyList<SuiteRunResult> Runs)
{
    /// <summary>Test accuracies of the seeds (derived from <see cref="Runs"/>, so not written to results.json twice).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double[] Accuracies => Runs.Select(r => r.TestAccuracy).ToArray();

    /// <summary>Aggregates the runs of <paramref name="cell"/>, compared with the runs of <paramref name="reference"/> (itself for the reference).</summary>
    public static SuiteCellResults From(SuiteCell cell, string name, string referenceName, IReadOnlyList<SuiteRunResult> runs, IReadOnlyList<SuiteRunResult> reference)
    {
        var definition = cell.Definition;
        var accuracy = runs.Select(r => r.TestAccuracy).ToArray();
        var referenceAccuracy = reference.Select(r => r.TestAccuracy).ToArray();
        var isReference = name == referenceName;
        var interval = !isReference && accuracy.Length >= 2 && referenceAccuracy.Length >= 2 ? WelchInterval.Compute(accuracy, referenceAccuracy) : null;
        var probed = runs.Where(r => r.LastEpoch is not null).Select(r => r.LastEpoch!).ToArray();
        IReadOnlyDictionary<int, SampleSummary>? shifted = runs.All(r => r.ShiftedTestAccuracy is not null)
            ? runs[0].ShiftedTestAccuracy!.Keys.ToDictionary(s => s, s => SampleSummary.Of(runs.Select(r => r.ShiftedTestAccuracy![s]).ToArray()))
            : null;
        return new SuiteCellResults(name, cell.Model, definition.Description, cell.TrainImages, cell.Permuted, definition.TotalParameters, definition.MultiplyAdds,
            SampleSummary.Of(accuracy), probed.Length > 0 ? SampleSummary.Of(probed.Select(p => p.TestAccuracy).ToArray()) : null,
            probed.Length > 0 ? SampleSummary.Of(probed.Select(p => p.RecalibratedTestAccuracy).ToArray()) : null,
            SampleSummary.Of(runs.Select(r => r.GeneralisationGap).ToArray()), SampleSummary.Of(runs.Select(r => (double)r.EpochsRun).ToArray()),
            runs.Sum(r => r.TrainingSeconds) / 60, referenceName, isReference ? 0 : accuracy.Average() - referenceAccuracy.Average(), interval, shifted, runs);
    }
}
