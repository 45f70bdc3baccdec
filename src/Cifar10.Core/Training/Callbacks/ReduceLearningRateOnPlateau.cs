namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Keras' ReduceLROnPlateau on validation loss: after <c>patience</c> epochs without an
/// improvement larger than <c>minDelta</c>, multiply the learning rate by <c>factor</c> (not below <c>minLearningRate</c>).
/// </summary>
public sealed class ReduceLearningRateOnPlateau(int patience, double factor, double minLearningRate, double minDelta) : ITrainingCallback, ICheckpointedCallback
{
    /// <summary>Best validation loss seen.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;
    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs) =>
        context.Optimizer.LearningRate = Next(context.Optimizer.LearningRate, logs.ValidationLoss);

    /// <summary>Feeds one epoch's validation loss; returns the learning rate for the next epoch.</summary>
    public double Next(double learningRate, double validationLoss)
    {
        if (validationLoss < Best - minDelta)
        {
            Best = validationLoss;
            Wait = 0;
        }
        else if (++Wait >= patience)
        {
            Wait = 0;
            return Math.Max(learningRate * factor, minLearningRate);
        }
        return learningRate;
    }

    /// <inheritdoc />
    public string CheckpointKey => "reduce-lr-on-plateau";

    /// <inheritdoc />
    public CallbackState SaveState() => new(new Dictionary<string, double> { ["best"] = Best, ["wait"] = Wait });

    /// <inheritdoc />
    public void LoadState(CallbackState state)
    {
        Best = state.Numbers["best"];
        Wait = (int)state.Numbers["wait"];
    }
}
