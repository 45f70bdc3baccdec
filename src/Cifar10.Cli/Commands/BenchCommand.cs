using System.ComponentModel;
using Cifar10.Cli.Terminal;
using Cifar10.Pipelines.Benchmarks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 bench [--quick] [--out DIR]</c>: matmul peak, training and inference throughput, latency; bench.json and bench.png.</summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : DataSettings
    {
        [CommandOption("--quick")]
        [Description("A 1–2 minute version (fewer steps, 2,000 test images) for CI.")]
        public bool Quick { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder for bench.json and bench.png (default: artifacts/bench/bench-<timestamp>).")]
        public string? Out { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = settings.Out ?? Path.Combine("artifacts/bench", $"bench-{DateTime.Now:yyyyMMdd-HHmmss}");
        Core.Runs.AtomicFile.EnsureDirectory(output); // a bad --out fails before minutes of measuring
        if (TorchSetup.Apply(settings.Device, settings.Threads).type != TorchSharp.DeviceType.CPU)
            AnsiConsole.MarkupLine("[yellow]note[/]: bench measures the CPU; --device is ignored.");
        using var data = DataLoading.Load(settings.Data);
        var options = settings.Quick ? BenchOptions.Quick : BenchOptions.Full;
        var results = AnsiConsole.Status().Start("Measuring…", status =>
            BenchRunner.Run(data, options, output, new Progress<string>(line => status.Status(Markup.Escape(line)))));
        BenchTables.Show(results);
        AnsiConsole.MarkupLine($"{BenchRunner.Json} and {BenchRunner.Chart}: {Markup.Escape(Path.GetFullPath(output))}");
        return 0;
    }
}
