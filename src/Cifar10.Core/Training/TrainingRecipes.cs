namespace Cifar10.Core.Training;

/// <summary>
/// Named training recipes. <c>study</c> is the original protocol (Adam 1e-3, batch 128, ≤ 30
/// epochs, early stopping, ReduceLROnPlateau, [0,1] pixels). <c>fast</c> is a modern short
/// schedule for the <c>fast</c> network: SGD with Nesterov momentum, one-cycle learning rate
/// (linear warm-up then linear decay to 0), label smoothing 0.2, weight decay 5e-4, random
/// 2-pixel translations and alternating flips, per-channel standardisation, flip test-time
/// augmentation, fixed epochs with the last weights kept.
/// </summary>
public static class TrainingRecipes
{
    /// <summary>Recipe names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["study", "fast"];

    /// <summary>The study's protocol.</summary>
    public static Recipe Study { get; } = new("study", "cnn-3x3", new TrainingOptions(), "unit");

    /// <summary>
    /// The fast recipe. Batch 64 because on a 2-core CPU it is the fastest size per image for the
    /// <c>fast</c> network (measured, images/s: 225 at 32, 262 at 64, 232 at 128, ~186 at 256):
    /// larger batches make activations above glibc's 32 MiB mmap ceiling, which page-fault afresh
    /// every step. The peak learning rate 0.05 is 0.4 at batch 512 scaled linearly. Only 2 % is
    /// held out (49,000 / 1,000): with fixed epochs and no early stopping, validation only draws
    /// the learning curve, and every training image counts in a short schedule.
    /// </summary>
    public static Recipe Fast { get; } = new("fast", "fast", new TrainingOptions
    {
        Epochs = 15,
        BatchSize = 64,
        EvaluationBatchSize = 64,
        ValidationFraction = 0.02,
        LearningRate = 0.05,
        Optimizer = OptimizerKind.SgdNesterov,
        Momentum = 0.9,
        WeightDecay = 5e-4,
        LabelSmoothing = 0.2,
        Schedule = LearningRateSchedule.OneCycle,
        WarmupFraction = 0.2,
        EarlyStopping = false,
        AugmentTranslate = 2,
        AugmentFlip = true,
        FlipTestTime = true,
    }, "standardize");

    /// <summary>A recipe by name (one-line error for unknown names).</summary>
    public static Recipe Get(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "study" => Study,
        "fast" => Fast,
        _ => throw new CifarException($"--recipe '{name}': expected study or fast."),
    };

    /// <summary>The recipe a model trains with by default: the fast networks take <c>fast</c>, the study's models <c>study</c>.</summary>
    public static Recipe ForModel(string modelId) =>
        modelId.StartsWith("fast", StringComparison.OrdinalIgnoreCase) ? Fast : Study;
}

/// <summary>A named recipe: its default model, options and input scaling.</summary>
public sealed record Recipe(string Name, string DefaultModel, TrainingOptions Options, string Normalize);
