namespace Cifar10.Core.Training;

/// <summary>
/// Keras' ReduceLROnPlateau on validation loss: after <c>patience</c> epochs without an
/// improvement larger than <c>minDelta</c>, multiply the learning rate by <c>factor</c> (not below <c>minLr</c>).
/// </summary>
public sealed class PlateauScheduler(double learningRate, int patience, double factor, double minLearningRate, double minDelta)
{
    /// <summary>Current learning rate.</summary>
    public double LearningRate { get; private set; } = learningRate;
    /// <summary>Best validation loss seen.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;
    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>Feeds one epoch's validation loss; returns the learning rate for the next epoch.</summary>
    public double Step(double validationLoss)
    {
        if (validationLoss < Best - minDelta)
        {
            Best = validationLoss;
            Wait = 0;
        }
        else if (++Wait >= patience)
        {
            LearningRate = Math.Max(LearningRate * factor, minLearningRate);
            Wait = 0;
        }
        return LearningRate;
    }

    /// <summary>Restores state saved in a checkpoint.</summary>
    public void Restore(double learningRate, double best, int wait)
    {
        LearningRate = learningRate;
        Best = best;
        Wait = wait;
    }
}
