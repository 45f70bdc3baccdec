using System.ComponentModel;
using Cifar10.Core.Training;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>Options of <c>cifar10 train</c> (and the protocol options of <c>experiment</c>).</summary>
public class ProtocolSettings : DataSettings
{
    [CommandOption("--epochs <N>")]
    [Description("Maximum epochs (early stopping may end sooner).")]
    [DefaultValue(30)]
    public int Epochs { get; init; } = 30;

    [CommandOption("--batch-size <N>")]
    [DefaultValue(128)]
    public int BatchSize { get; init; } = 128;

    [CommandOption("--lr <RATE>")]
    [Description("Adam's initial learning rate.")]
    [DefaultValue(1e-3)]
    public double LearningRate { get; init; } = 1e-3;

    [CommandOption("--train-limit <N>")]
    [Description("Use only the first N training images (quick runs).")]
    public int? TrainLimit { get; init; }

    [CommandOption("--normalize <MODE>")]
    [Description("unit ([0,1], as the study) or standardize (per-channel mean/std).")]
    [DefaultValue("unit")]
    public string Normalize { get; init; } = "unit";

    [CommandOption("--resume")]
    [Description("Continue from the last epoch checkpoint in --out (default: the newest matching run under artifacts/runs).")]
    public bool Resume { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: artifacts/runs/<name>-<timestamp>).")]
    public string? Out { get; init; }

    /// <summary>The protocol with this command's overrides, for <paramref name="seed"/>.</summary>
    public TrainingOptions ToOptions(int seed) => new TrainingOptions
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Seed = seed,
    }.Validate();

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (TrainLimit is <= 0) return Spectre.Console.ValidationResult.Error($"--train-limit {TrainLimit}: must be a positive number.");
        if (Threads is <= 0) return Spectre.Console.ValidationResult.Error($"--threads {Threads}: must be a positive number.");
        return base.Validate();
    }
}

/// <summary>Options of <c>cifar10 train</c>.</summary>
public sealed class TrainSettings : ProtocolSettings
{
    [CommandOption("-m|--model <ID>")]
    [Description("dense, cnn-3x3, cnn-5x5 or any odd cnn-KxK.")]
    [DefaultValue("cnn-3x3")]
    public string Model { get; init; } = "cnn-3x3";

    [CommandOption("--seed <N>")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;
}
