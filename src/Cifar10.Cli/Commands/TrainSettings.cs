using System.ComponentModel;
using Cifar10.Core.Runtime;
using Cifar10.Core.Training;
using TorchSharp;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>Options of <c>cifar10 train</c> (and the protocol options of <c>experiment</c>).</summary>
public class ProtocolSettings : DataSettings
{
    [CommandOption("--epochs <N>")]
    [Description("Maximum epochs (study: 30, early stopping may end sooner; fast: 24).")]
    public int? Epochs { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per step (study: 128; fast: 64).")]
    public int? BatchSize { get; init; }

    [CommandOption("--lr <RATE>")]
    [Description("Initial (study, Adam: 1e-3) or peak (fast, SGD: 0.09) learning rate.")]
    public double? LearningRate { get; init; }

    [CommandOption("--train-limit <N>")]
    [Description("Use only the first N training images (quick runs).")]
    public int? TrainLimit { get; init; }

    [CommandOption("--test-limit <N>")]
    [Description("Evaluate on only the first N test images (quick runs).")]
    public int? TestLimit { get; init; }

    [CommandOption("--normalize <MODE>")]
    [Description("unit ([[0,1]], the study's default) or standardize (per-channel mean/std, the fast recipe's).")]
    public string? Normalize { get; init; }

    [CommandOption("--precision <TYPE>")]
    [Description("Training arithmetic: fp32 (the study's) or bf16 (bfloat16 activations over float32 weights; the fast recipe's where the CPU has native bfloat16, AVX512-BF16 or AMX, else fp32).")]
    public string? Precision { get; init; }

    [CommandOption("--resume")]
    [Description("Continue from the last epoch checkpoint in --out (default: the newest matching run under artifacts/runs).")]
    public bool Resume { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: artifacts/runs/<name>-<timestamp>).")]
    public string? Out { get; init; }

    /// <summary>
    /// The recipe's options with this command's overrides, for <paramref name="seed"/> on <paramref name="device"/>.
    /// Without <c>--precision</c>, a recipe's bf16 becomes fp32 where bf16 is not native (<see cref="BFloat16Support"/>).
    /// </summary>
    public TrainingOptions ToOptions(Recipe recipe, int seed, torch.Device device) => (recipe.Options with
    {
        Epochs = Epochs ?? recipe.Options.Epochs,
        BatchSize = BatchSize ?? recipe.Options.BatchSize,
        LearningRate = LearningRate ?? recipe.Options.LearningRate,
        Precision = Precision is null ? BFloat16Support.Resolve(recipe.Options.Precision, device.type) : TrainingPrecisionNames.Parse(Precision),
        Seed = seed,
    }).Validate();

    /// <summary>The recipe's input scaling unless <c>--normalize</c> overrides it.</summary>
    public string NormalizeFor(Recipe recipe) => Normalize ?? recipe.Normalize;

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (TrainLimit is <= 0) return Spectre.Console.ValidationResult.Error($"--train-limit {TrainLimit}: must be a positive number.");
        if (TestLimit is <= 0) return Spectre.Console.ValidationResult.Error($"--test-limit {TestLimit}: must be a positive number.");
        if (Threads is <= 0) return Spectre.Console.ValidationResult.Error($"--threads {Threads}: must be a positive number.");
        return base.Validate();
    }
}

/// <summary>Options of <c>cifar10 train</c>.</summary>
public sealed class TrainSettings : ProtocolSettings
{
    [CommandOption("-m|--model <ID>")]
    [Description("dense, cnn-3x3 (default), cnn-5x5, any odd cnn-KxK, fast or fast-half (default of --recipe fast).")]
    public string? Model { get; init; }

    [CommandOption("--recipe <NAME>")]
    [Description("study (the original protocol) or fast (SGD-Nesterov one-cycle, augmentation, TTA). Default: fast for the fast models, study otherwise.")]
    public string? Recipe { get; init; }

    /// <summary>The recipe and model this command trains.</summary>
    public (Recipe Recipe, string Model) Resolve()
    {
        var recipe = Recipe is not null ? TrainingRecipes.Get(Recipe) : TrainingRecipes.ForModel(Model ?? "cnn-3x3");
        return (recipe, Model ?? recipe.DefaultModel);
    }

    [CommandOption("--seed <N>")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;
}
