namespace Cifar10.Core.Training;

/// <summary>
/// Hooks into a <see cref="Trainer"/>'s lifecycle, as Keras callbacks do: the trainer calls every
/// callback at the start and end of training, of each epoch and of each batch, in the order they
/// were given (the recipe's own callbacks first). Implement only what you need; the others do nothing.
/// A callback can change the run through the <see cref="TrainingContext"/>: set the learning rate,
/// ask training to stop, say which epoch's weights the model keeps.
/// <code>
/// sealed class StopAfterBatches(int count) : ITrainingCallback
/// {
///     public void OnBatchEnd(TrainingContext context, BatchLogs logs)
///     {
///         if (context.Step + 1 >= count) context.StopTraining = true;
///     }
/// }
/// trainer.Fit(model, train, validation, scaling, [new StopAfterBatches(100)]);
/// </code>
/// </summary>
public interface ITrainingCallback
{
    /// <summary>Before the first epoch (after a resumed run's state is restored, for callbacks after the checkpoint).</summary>
    void OnTrainBegin(TrainingContext context) { }

    /// <summary>Before the batches of epoch <see cref="TrainingContext.Epoch"/>.</summary>
    void OnEpochBegin(TrainingContext context) { }

    /// <summary>Before step <see cref="TrainingContext.Step"/>: its data is not yet drawn, its gradients not yet computed.</summary>
    void OnBatchBegin(TrainingContext context) { }

    /// <summary>After the optimizer step, with the epoch's running loss and accuracy.</summary>
    void OnBatchEnd(TrainingContext context, BatchLogs logs) { }

    /// <summary>After the epoch's last step, before its validation pass (Keras' <c>on_test_begin</c>).</summary>
    void OnValidationBegin(TrainingContext context) { }

    /// <summary>After the epoch's validation pass, with its record (already in <see cref="TrainingContext.History"/>).</summary>
    void OnEpochEnd(TrainingContext context, EpochRecord logs) { }

    /// <summary>After the last epoch, or after training was asked to stop.</summary>
    void OnTrainEnd(TrainingContext context) { }
}
