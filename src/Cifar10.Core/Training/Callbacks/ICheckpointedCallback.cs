namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// A callback whose state must survive an interruption: <see cref="TrainingCheckpoint"/> saves it
/// after every epoch and restores it before a resumed run's first epoch, so that the resumed run
/// ends exactly as an uninterrupted one would.
/// </summary>
public interface ICheckpointedCallback
{
    /// <summary>A name for the state in the checkpoint, unique among the run's callbacks.</summary>
    string CheckpointKey { get; }

    /// <summary>The state now; the tensors stay the callback's (they are written, not disposed).</summary>
    CallbackState SaveState();

    /// <summary>Takes back a saved state (and ownership of its tensors).</summary>
    void LoadState(CallbackState state);
}
