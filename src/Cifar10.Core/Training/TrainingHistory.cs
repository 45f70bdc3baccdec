namespace Cifar10.Core.Training;

/// <summary>Per-epoch history of a run and how it ended.</summary>
/// <param name="Epochs">One record per epoch trained.</param>
/// <param name="BestEpoch">The epoch whose weights the model kept (the best one under early stopping, else the last).</param>
/// <param name="StoppedEarly">Whether training stopped before its last epoch.</param>
/// <param name="TotalSeconds">Training time summed over the epochs, so a resumed run counts every epoch once.</param>
public sealed record TrainingHistory(
    IReadOnlyList<EpochRecord> Epochs,
    int BestEpoch,
    bool StoppedEarly,
    double TotalSeconds)
{
    /// <summary>The epoch whose weights the model kept.</summary>
    public EpochRecord Best => Epochs.First(e => e.Epoch == BestEpoch);
    /// <summary>Mean wall-clock seconds per epoch (training + validation).</summary>
    public double SecondsPerEpoch => Epochs.Count == 0 ? 0 : Epochs.Average(e => e.Seconds);

    /// <summary>Minutes of training when each epoch ended (the epochs' seconds summed so far).</summary>
    public double[] EpochEndMinutes()
    {
        var minutes = new double[Epochs.Count];
        double seconds = 0;
        for (int i = 0; i < minutes.Length; i++) minutes[i] = (seconds += Epochs[i].Seconds) / 60;
        return minutes;
    }
}
