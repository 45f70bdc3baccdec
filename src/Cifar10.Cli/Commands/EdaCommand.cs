using System.ComponentModel;
using Cifar10.Cli.Terminal;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Eda;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 eda</c>: class balance, sample images and pixel statistics of the data, as figures, JSON and tables.</summary>
internal sealed class EdaCommand : Command<EdaCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description(DataSettings.DataDescription)]
        public string? Data { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder for the figures and eda.json.")]
        [DefaultValue("artifacts/eda")]
        public string Out { get; init; } = "artifacts/eda";

        [CommandOption("--seed <N>")]
        [Description("Seed of the train/validation split counted and of the sample images shown.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AtomicFile.EnsureDirectory(settings.Out); // a bad --out fails before seconds of reading data
        using var data = DataLoading.Load(settings.Data);
        var statistics = AnsiConsole.Status().Start("Counting classes, measuring pixels, drawing figures…", _ => EdaRun.Execute(data, settings.Out, settings.Seed));
        EdaTables.Show(statistics);
        AnsiConsole.MarkupLine($"figures and {EdaRun.Json}: {Markup.Escape(Path.GetFullPath(settings.Out))}");
        return 0;
    }
}
