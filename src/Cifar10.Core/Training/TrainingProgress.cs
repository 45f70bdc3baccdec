namespace Cifar10.Core.Training;

/// <summary>What the trainer reports after each batch and each epoch, for progress bars.</summary>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double Loss,
    double Accuracy,
    double ImagesPerSecond,
    EpochRecord? CompletedEpoch = null);
