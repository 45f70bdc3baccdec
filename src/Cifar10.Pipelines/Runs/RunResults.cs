using Cifar10.Core.Data;
using Cifar10.Pipelines.Evaluation;

namespace Cifar10.Pipelines.Runs;

/// <summary><c>results.json</c> of a training run: test metrics (from ML.NET) and how training went.</summary>
public sealed record RunResults(
    string Model,
    int Seed,
    long TotalParameters,
    long TrainableParameters,
    long ForwardMultiplyAdds,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    double TrainingSeconds,
    double SecondsPerEpoch,
    double TrainAccuracy,
    double ValidationAccuracy,
    double ValidationLoss,
    double TestAccuracy,
    double TestLoss,
    DataSplitInfo Split,
    ClassificationMetrics TestMetrics)
{
    /// <summary>Train minus validation accuracy at the kept epoch.</summary>
    public double GeneralisationGap => TrainAccuracy - ValidationAccuracy;
}
