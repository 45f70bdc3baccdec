using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>Options shared by commands that read CIFAR-10 or run models.</summary>
internal class DataSettings : CommandSettings
{
    /// <summary>The --data help, shared by every command that reads CIFAR-10.</summary>
    public const string DataDescription = "CIFAR-10 binary folder (else $CIFAR10_DATA, else the cache ~/.cache/cifar10 or $CIFAR10_HOME, else download into the cache).";

    [CommandOption("--data <DIR>")]
    [Description(DataDescription)]
    public string? Data { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto, cpu or cuda (auto takes CUDA when available).")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("CPU threads for libtorch (default: all cores; at most the machine's processor count).")]
    public int? Threads { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Threads is <= 0) return ValidationResult.Error($"--threads {Threads}: must be a positive number.");
        // More threads than processors only makes libtorch's workers wait on each other: 1000 threads on 2 cores ran 60× slower.
        if (Threads > Environment.ProcessorCount)
            return ValidationResult.Error($"--threads {Threads}: this machine has {Environment.ProcessorCount} processors; use at most {Environment.ProcessorCount}.");
        return base.Validate();
    }
}
