namespace Cifar10.Pipelines.Evaluation;

/// <summary>ML.NET's multiclass metrics for one model on one set, in a serialisable shape.</summary>
public sealed record ClassificationMetrics(
    int Count,
    double MicroAccuracy,
    double MacroAccuracy,
    double LogLoss,
    double LogLossReduction,
    int TopK,
    double TopKAccuracy,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<double> PerClassPrecision,
    IReadOnlyList<double> PerClassRecall,
    IReadOnlyList<double> PerClassLogLoss,
    IReadOnlyList<IReadOnlyList<double>> ConfusionMatrix);
