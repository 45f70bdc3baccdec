namespace Cifar10.Core.Training;

/// <summary>What a batch's end reports: where the run is, and the epoch's running training loss and accuracy.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch within the epoch, from 1.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Step">The optimizer step over the whole run, from 0.</param>
/// <param name="Loss">Mean training loss over the epoch's batches so far (training mode: dropout on).</param>
/// <param name="Accuracy">Training accuracy over the epoch's batches so far.</param>
/// <param name="ImagesPerSecond">Training images per second since the epoch began.</param>
public sealed record BatchLogs(int Epoch, int Batch, int Batches, long Step, double Loss, double Accuracy, double ImagesPerSecond);
