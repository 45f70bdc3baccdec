using Cifar10.Core.Training.Callbacks;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// The original study's Keras protocol: Adam (lr 1e-3), batch 128, at most 30 epochs, early
/// stopping on validation loss (patience 5, best weights restored), ReduceLROnPlateau (patience 3,
/// factor 0.1, min lr 1e-6), a stratified 10 % validation split, pixels scaled to [0,1], float32.
/// </summary>
public sealed record StudyRecipe : TrainingRecipe
{
    /// <summary>The study's settings.</summary>
    public StudyRecipe()
    {
        Epochs = 30;
        BatchSize = 128;
        LearningRate = 1e-3;
        ValidationFraction = 0.1;
        InputScaling = Data.InputScalingKind.Unit;
        Precision = TrainingPrecision.Float32;
    }

    /// <inheritdoc />
    public override string Name => "study";
    /// <summary>Epochs without validation-loss improvement before stopping.</summary>
    public int EarlyStoppingPatience { get; init; } = 5;
    /// <summary>Whether the model ends with its best epoch's weights (Keras' <c>restore_best_weights</c>; Keras' own default is false).</summary>
    public bool RestoreBestWeights { get; init; } = true;
    /// <summary>Epochs without improvement before the learning rate is cut.</summary>
    public int LearningRatePatience { get; init; } = 3;
    /// <summary>Factor applied to the learning rate on a plateau (Keras' default 0.1).</summary>
    public double LearningRateFactor { get; init; } = 0.1;
    /// <summary>Lowest learning rate.</summary>
    public double MinLearningRate { get; init; } = 1e-6;
    /// <summary>Smallest decrease of validation loss that counts as improvement for the plateau schedule (Keras' 1e-4).</summary>
    public double MinDelta { get; init; } = 1e-4;

    /// <inheritdoc />
    public override TrainingOptimizer CreateOptimizer(nn.Module model) => new(optim.Adam(Trainable(model), LearningRate), LearningRate);

    /// <inheritdoc />
    public override IReadOnlyList<ITrainingCallback> CreateCallbacks() =>
    [
        new ReduceLearningRateOnPlateau(LearningRatePatience, LearningRateFactor, MinLearningRate, MinDelta),
        new EarlyStopping(EarlyStoppingPatience, RestoreBestWeights),
    ];

    /// <inheritdoc />
    public override string Describe() =>
        $"Adam (lr {LearningRate}), batch {BatchSize}, at most {Epochs} epochs, early stopping on validation loss (patience {EarlyStoppingPatience}, " +
        $"{(RestoreBestWeights ? "best weights restored" : "last weights kept")}), ReduceLROnPlateau (patience {LearningRatePatience}, factor {LearningRateFactor}, min {MinLearningRate})";

    /// <inheritdoc />
    public override TrainingRecipe Validate()
    {
        base.Validate();
        InvalidSettingException.RequireNotNegative(nameof(EarlyStoppingPatience), EarlyStoppingPatience);
        InvalidSettingException.RequireNotNegative(nameof(LearningRatePatience), LearningRatePatience);
        InvalidSettingException.RequireInRange(nameof(LearningRateFactor), LearningRateFactor, 0, 1, lowInclusive: false, highInclusive: true);
        InvalidSettingException.RequireNotNegative(nameof(MinLearningRate), MinLearningRate);
        InvalidSettingException.RequireNotNegative(nameof(MinDelta), MinDelta);
        return this;
    }
}
