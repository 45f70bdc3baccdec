using Cifar10.Core.Training.Callbacks;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// One cell trained with one seed (<c>suite-run.json</c> in its run folder): test accuracy with the
/// weights the study's protocol keeps (the best epoch's), the last epoch as Keras' default would
/// report it, and, for the translation cells, test accuracy on shifted images.
/// </summary>
public sealed record SuiteRunResult(
    string Cell,
    int Seed,
    int TrainImages,
    double TestAccuracy,
    double TestLoss,
    double TrainInferenceAccuracy,
    double ValidationAccuracy,
    int EpochsRun,
    int BestEpoch,
    double TrainingSeconds,
    LastEpochMeasurement? LastEpoch,
    IReadOnlyDictionary<int, double>? ShiftedTestAccuracy)
{
    /// <summary>The file's name in a run folder.</summary>
    public const string FileName = "suite-run.json";

    /// <summary>Accuracy on the training images (inference mode) minus validation accuracy.</summary>
    public double GeneralisationGap => TrainInferenceAccuracy - ValidationAccuracy;
}
