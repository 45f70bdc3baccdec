namespace Cifar10.Core.Training;

/// <summary>How the learning rate changes during a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>ReduceLROnPlateau on validation loss, per epoch (the study).</summary>
    Plateau,
    /// <summary>Per step: linear warm-up from 0 to the peak, then linear decay to 0 (one cycle).</summary>
    OneCycle,
}
