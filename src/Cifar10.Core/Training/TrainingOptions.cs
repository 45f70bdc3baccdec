namespace Cifar10.Core.Training;

/// <summary>
/// The study's protocol: Adam (lr 1e-3), batch 128, at most 30 epochs, early stopping on
/// validation loss (patience 5, best weights restored), ReduceLROnPlateau (patience 3,
/// factor 0.1, min lr 1e-6).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Maximum number of epochs.</summary>
    public int Epochs { get; init; } = 30;
    /// <summary>Images per optimizer step.</summary>
    public int BatchSize { get; init; } = 128;
    /// <summary>Adam's initial learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Drives initialisation, shuffling and dropout.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Epochs without validation-loss improvement before stopping.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;
    /// <summary>Epochs without improvement before the learning rate is cut.</summary>
    public int LearningRatePatience { get; init; } = 3;
    /// <summary>Factor applied to the learning rate on a plateau (Keras' default 0.1).</summary>
    public double LearningRateFactor { get; init; } = 0.1;
    /// <summary>Lowest learning rate.</summary>
    public double MinLearningRate { get; init; } = 1e-6;
    /// <summary>Smallest decrease of validation loss that counts as improvement (Keras' 1e-4 for the scheduler).</summary>
    public double MinDelta { get; init; } = 1e-4;
    /// <summary>Images per batch when evaluating (no gradients, so larger is faster).</summary>
    public int EvaluationBatchSize { get; init; } = 256;
    /// <summary>Share of each class held out of training for validation (the study: 10 %, 45,000 / 5,000).</summary>
    public double ValidationFraction { get; init; } = Data.DataSplit.StudyValidationFraction;

    /// <summary>Adam (the study) or SGD with Nesterov momentum (the fast recipe).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;
    /// <summary>L2 weight decay (SGD only).</summary>
    public double WeightDecay { get; init; }
    /// <summary>Label smoothing of the cross-entropy targets (0: none).</summary>
    public double LabelSmoothing { get; init; }
    /// <summary>Plateau (per epoch, the study) or one-cycle (per step).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Plateau;
    /// <summary>Share of all steps spent warming up under the one-cycle schedule.</summary>
    public double WarmupFraction { get; init; } = 0.2;
    /// <summary>Stop on validation loss and keep the best epoch's weights (the study); otherwise run every epoch and keep the last weights.</summary>
    public bool EarlyStopping { get; init; } = true;
    /// <summary>Random translation by up to this many pixels (reflect padding) during training; 0: none.</summary>
    public int AugmentTranslate { get; init; }
    /// <summary>Horizontal flips during training, alternating per image and epoch (derandomised).</summary>
    public bool AugmentFlip { get; init; }
    /// <summary>Average the predictions of each image and its mirror image at evaluation.</summary>
    public bool FlipTestTime { get; init; }
    /// <summary>
    /// Also average views shifted by this many pixels (reflect padding) up-left and down-right at
    /// evaluation, each with its mirror image: the centre pair weighs ½, the shifted pairs ¼ each. 0: none.
    /// </summary>
    public int TestTimeTranslate { get; init; }
    /// <summary>
    /// Learning-rate multiplier for BatchNorm shifts (SGD only), with their weight decay divided by
    /// the same factor so each step decays them as much as the other weights. 1: no difference.
    /// </summary>
    public double NormBiasLearningRateScale { get; init; } = 1;
    /// <summary>
    /// Lookahead: how many times over the run the weights are pulled to a slow moving average of
    /// themselves, evenly spaced in steps (0: off). A count rather than a period, so that a short
    /// run averages over its own last steps rather than over a period longer than itself.
    /// </summary>
    public int LookaheadPulls { get; init; }
    /// <summary>Arithmetic of the training passes (see <see cref="TrainingPrecision"/>); evaluation is always float32, as the exported model runs.</summary>
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Float32;
    /// <summary>The views averaged at evaluation (<see cref="FlipTestTime"/>, <see cref="TestTimeTranslate"/>).</summary>
    public TestTimeAugmentation TestTimeViews => new(FlipTestTime, TestTimeTranslate);

    /// <summary>Where a checkpoint is written after every epoch (null: none).</summary>
    public string? CheckpointPath { get; init; }
    /// <summary>Continue from <see cref="CheckpointPath"/> when it exists.</summary>
    public bool Resume { get; init; }

    /// <summary>Throws a one-line <see cref="CifarException"/> naming the bad option.</summary>
    public TrainingOptions Validate()
    {
        if (Epochs <= 0) throw new CifarException($"--epochs {Epochs}: must be a positive number.");
        if (BatchSize <= 0) throw new CifarException($"--batch-size {BatchSize}: must be a positive number.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new CifarException($"--lr {LearningRate}: must be a positive number.");
        if (EarlyStoppingPatience < 0 || LearningRatePatience < 0) throw new CifarException("patience must not be negative.");
        if (LabelSmoothing is < 0 or >= 1) throw new CifarException($"label smoothing {LabelSmoothing}: must be in [0, 1).");
        if (ValidationFraction is <= 0 or >= 1) throw new CifarException($"validation fraction {ValidationFraction}: must be in (0, 1).");
        if (AugmentTranslate < 0) throw new CifarException($"translation {AugmentTranslate}: must not be negative.");
        if (TestTimeTranslate < 0) throw new CifarException($"test-time translation {TestTimeTranslate}: must not be negative.");
        if (!(NormBiasLearningRateScale > 0) || double.IsInfinity(NormBiasLearningRateScale)) throw new CifarException($"BatchNorm shift learning-rate scale {NormBiasLearningRateScale}: must be a positive number.");
        if (LookaheadPulls < 0) throw new CifarException($"lookahead pulls {LookaheadPulls}: must not be negative.");
        return this;
    }
}
