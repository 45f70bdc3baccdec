namespace Cifar10.Pipelines.Experiments;

/// <summary><c>results.json</c> of an experiment: its setup, per-model aggregates with per-seed numbers, comparisons, diagnosis.</summary>
public sealed record ExperimentResults(
    DateTime StartedUtc,
    double Minutes,
    ExperimentSetup Setup,
    IReadOnlyList<ModelResults> Models,
    string ComparisonMethod,
    IReadOnlyList<PairComparison> Comparisons,
    IReadOnlyList<DiagnosisRow> Diagnosis,
    IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>The results' file name in an experiment folder.</summary>
    public const string FileName = "results.json";
    /// <summary>The report's file name in an experiment folder.</summary>
    public const string ReportFileName = "report.md";

    /// <summary>
    /// Minutes of training summed over every run, from their histories: unlike <see cref="Minutes"/>
    /// (this invocation's wall clock), a resumed experiment still counts each epoch once.
    /// </summary>
    public double TrainingMinutes => Models.SelectMany(m => m.Seeds).Sum(s => s.Results.TrainingSeconds) / 60;
}
