using System.ComponentModel;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>Options shared by commands that read CIFAR-10 or run models.</summary>
internal class DataSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("CIFAR-10 binary folder (else $CIFAR10_DATA, else artifacts/data, else ../shared/cifar10, else download).")]
    public string? Data { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto, cpu or cuda (auto takes CUDA when available).")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("CPU threads for libtorch (default: all cores).")]
    public int? Threads { get; init; }
}
