using System.ComponentModel;
using System.Globalization;
using Cifar10.Pipelines.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>
/// <c>cifar10 compare RUN...</c>: finished runs side by side by training time — a table and
/// accuracy-by-time.png (validation accuracy per epoch against minutes, test accuracy at the end).
/// </summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUNS>")]
        [Description("Run folders (holding history.json and results.json), or folders above them such as an experiment's.")]
        public string[] Runs { get; init; } = []; // required: Spectre rejects a call without one

        [CommandOption("--out <FILE>")]
        [Description("Where the figure goes.")]
        [DefaultValue("artifacts/accuracy-by-time.png")]
        public string Out { get; init; } = "artifacts/accuracy-by-time.png";

        [CommandOption("--target <PERCENT>")]
        [Description("Draw a dashed goal line at this test accuracy, e.g. 93.")]
        public double? Target { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() => Target is not null and (<= 0 or > 100)
            ? ValidationResult.Error($"--target {Target}: must be a percentage above 0 and at most 100.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        OutFile.RequireNotDirectory(settings.Out);
        var runs = settings.Runs.SelectMany(FinishedRun.Find).ToArray();
        RunComparison.SavePlot(settings.Out, runs, settings.Target);
        AnsiConsole.Write(Table(runs));
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(Path.GetFullPath(settings.Out))}");
        return 0;
    }

    static Table Table(IReadOnlyList<FinishedRun> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().AddColumn("run").AddColumn("model").AddColumn(new TableColumn("seed").RightAligned())
            .AddColumn(new TableColumn("epochs").RightAligned()).AddColumn(new TableColumn("training min").RightAligned())
            .AddColumn(new TableColumn("last val acc").RightAligned()).AddColumn(new TableColumn("test acc").RightAligned());
        foreach (var run in runs)
            table.AddRow(Markup.Escape(run.Name), Markup.Escape(run.Model), run.Seed.ToString(c), run.History.Epochs.Count.ToString(c),
                run.TrainingMinutes.ToString("F1", c), (100 * run.History.Epochs[^1].ValidationAccuracy).ToString("F2", c) + " %",
                (100 * run.TestAccuracy).ToString("F2", c) + " %");
        return table;
    }
}
