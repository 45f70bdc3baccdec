namespace Cifar10.Core.Training;

/// <summary>One epoch of training history.</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double LearningRate,
    double Seconds)
{
    /// <summary>
    /// Diagnostic runs only (<see cref="Trainer.TestCurveImages"/>): accuracy on the test images after this epoch,
    /// with the recipe's evaluation views, measured after <see cref="Seconds"/> was taken; otherwise null.
    /// </summary>
    public double? TestAccuracy { get; init; }

    /// <summary>With <see cref="TestAccuracy"/> and several evaluation views: what one view (the image itself) scores, from the same passes.</summary>
    public double? SingleViewTestAccuracy { get; init; }
}
