namespace Cifar10.Pipelines.Experiments;

/// <summary><c>results.json</c> of an experiment: protocol, per-model aggregates with per-seed numbers, comparisons, diagnosis.</summary>
public sealed record ExperimentResults(
    DateTime StartedUtc,
    double Minutes,
    ProtocolDescription Protocol,
    IReadOnlyList<ModelResults> Models,
    string ComparisonMethod,
    IReadOnlyList<PairComparison> Comparisons,
    IReadOnlyList<DiagnosisRow> Diagnosis,
    IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>
    /// Minutes of training summed over every run, from their histories: unlike <see cref="Minutes"/>
    /// (this invocation's wall clock), a resumed experiment still counts each epoch once.
    /// </summary>
    public double TrainingMinutes => Models.SelectMany(m => m.Seeds).Sum(s => s.Results.TrainingSeconds) / 60;
}

/// <summary>The protocol as recorded in results.json and the report.</summary>
public sealed record ProtocolDescription(
    int MaxEpochs, int BatchSize, double LearningRate, int EarlyStoppingPatience, int LearningRatePatience,
    double LearningRateFactor, double MinLearningRate, IReadOnlyList<int> Seeds, int? TrainLimit,
    int TrainImages, int ValidationImages, int TestImages, string Normalize, string Device, int Threads);
