using System.ComponentModel;
using Cifar10.Cli.Terminal;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Experiments;
using Cifar10.Pipelines.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 experiment</c>: the whole study under one protocol, with report, plots and statistics.</summary>
public sealed class ExperimentCommand : Command<ExperimentCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProtocolSettings
    {
        [CommandOption("--models <IDS>")]
        [Description("Comma-separated model ids (default: dense,cnn-3x3,cnn-5x5; any odd cnn-KxK; fast and fast-half train with the fast recipe).")]
        [DefaultValue("dense,cnn-3x3,cnn-5x5")]
        public string Models { get; init; } = "dense,cnn-3x3,cnn-5x5";

        [CommandOption("--seeds <N>")]
        [Description("Train every model with N seeds (confidence intervals need 2 or more).")]
        [DefaultValue(1)]
        public int Seeds { get; init; } = 1;

        [CommandOption("--seed <N>")]
        [Description("First seed; the others follow (seed, seed+1, …).")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = RunNames.Resolve(settings.Out, "experiment", settings.Resume, ExperimentOptions.OptionsFile);
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        var options = new ExperimentOptions
        {
            Models = settings.Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Seeds = settings.Seeds,
            BaseSeed = settings.Seed,
            Protocol = settings.ToOptions(TrainingRecipes.Study, settings.Seed, device),
            FastProtocol = settings.ToOptions(TrainingRecipes.Fast, settings.Seed, device),
            TrainLimit = settings.TrainLimit,
            TestLimit = settings.TestLimit,
            Normalize = settings.NormalizeFor(TrainingRecipes.Study),
            FastNormalize = settings.NormalizeFor(TrainingRecipes.Fast),
            OutputDirectory = output,
            Device = device,
            Resume = settings.Resume,
        };
        options.Validate();
        using var data = DataLoading.Load(settings.Data);
        AnsiConsole.MarkupLine($"Experiment: {string.Join(", ", options.Models)} × {options.Seeds} seed(s), up to {options.Protocol.Epochs} epochs → {Markup.Escape(output)}");
        var results = ExperimentProgressView.Show(progress => ExperimentRunner.Run(data, options, progress, cancellationToken));
        AnsiConsole.Write(ResultsTable(results));
        foreach (var c in results.Comparisons.Where(c => c.Interval is not null))
            AnsiConsole.MarkupLine(Markup.Escape($"{c.A} − {c.B}: {Format.Points(c.Difference)} (95 % CI {Format.Points(c.Interval!.Low)} to {Format.Points(c.Interval.High)}, Welch)"));
        AnsiConsole.MarkupLine($"[green]done[/] in {results.Minutes:F1} min — report: {Markup.Escape(Path.GetFullPath(Path.Combine(output, ExperimentReport.FileName)))}");
        return 0;
    }

    static Table ResultsTable(ExperimentResults results)
    {
        var table = new Table().Title("CIFAR-10 study (test set, ML.NET metrics)")
            .AddColumns("Model", "Test accuracy", "Test loss", "Params", "s/epoch", "Epochs (best)", "Train–val gap");
        foreach (var m in results.Models)
            table.AddRow(m.Model, Format.PercentSummary(m.TestAccuracy), Format.Summary(m.TestLoss, 4), Format.Count(m.TotalParameters),
                Format.Summary(m.SecondsPerEpoch, 1), $"{Format.Summary(m.EpochsRun, 1)} ({Format.Summary(m.BestEpoch, 1)})", Format.Points(m.GeneralisationGap.Mean));
        return table;
    }
}
