namespace Cifar10.Core.Training;

/// <summary>
/// Named training recipes. <c>study</c> is the original protocol (Adam 1e-3, batch 128, ≤ 30
/// epochs, early stopping, ReduceLROnPlateau, [0,1] pixels). <c>fast</c> is a modern short
/// schedule for the <c>fast</c> network, after the published CIFAR-10 speed-runs (airbench):
/// SGD with Nesterov momentum, one-cycle learning rate (linear warm-up then linear decay to 0),
/// BatchNorm shifts at 64× the learning rate, label smoothing 0.2, lookahead weight averaging,
/// random 2-pixel translations and alternating flips, per-channel standardisation, and
/// test-time augmentation over flipped and 1-pixel-shifted views; fixed epochs, last weights kept.
/// </summary>
public static class TrainingRecipes
{
    /// <summary>Recipe names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["study", "fast"];

    /// <summary>The study's protocol.</summary>
    public static Recipe Study { get; } = new("study", "cnn-3x3", new TrainingOptions(), "unit");

    /// <summary>
    /// The fast recipe. Batch 64 because on a 2-core CPU it was the fastest size per image for the
    /// <c>fast</c> network in float32 (measured, images/s: 225 at 32, 262 at 64, 232 at 128, ~186 at 256):
    /// larger batches make activations above glibc's 32 MiB mmap ceiling, which page-fault afresh
    /// every step. Learning rate, momentum, weight decay and the lookahead period are airbench94's
    /// (batch 1024: lr 1.5 per mean-loss step, momentum 0.85, decay 0.002 per step, a pull every
    /// 5 steps) scaled linearly to batch 64, so each epoch moves the weights as much: lr 0.09,
    /// L2 1.4e-3 (lr × L2 = 1.25e-4 per step), 10 pulls per epoch (one per ~77 steps, i.e. ~4,900
    /// images). bfloat16 training passes (channels-last) ran 1.8× as many images per second as
    /// float32 on the AVX512-BF16 CPU this was measured on, which buys 24 epochs instead of 15 in less than
    /// about the same time. Only 2 % is held out (49,000 / 1,000): with fixed epochs and no early
    /// stopping, validation only draws the learning curve, and every training image counts in a
    /// short schedule.
    /// </summary>
    public static Recipe Fast { get; } = new("fast", "fast", new TrainingOptions
    {
        Epochs = 24,
        BatchSize = 64,
        EvaluationBatchSize = 64,
        ValidationFraction = 0.02,
        LearningRate = 0.09,
        Optimizer = OptimizerKind.SgdNesterov,
        Momentum = 0.85,
        WeightDecay = 1.4e-3,
        NormBiasLearningRateScale = 64,
        LookaheadPulls = 240,
        TestTimeTranslate = 1,
        Precision = TrainingPrecision.BFloat16,
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
