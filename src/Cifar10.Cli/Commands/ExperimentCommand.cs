using System.ComponentModel;
using System.Globalization;
using Cifar10.Cli.Terminal;
using Cifar10.Pipelines.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 experiment</c>: several models and seeds, each model with its recipe; report, plots and statistics.</summary>
internal sealed class ExperimentCommand : Command<ExperimentCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : RecipeSettings
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
        var output = RunNames.Resolve(settings.Out, "experiment", settings.Resume, folder => File.Exists(Path.Combine(folder, ExperimentOptions.OptionsFile)));
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        var options = new ExperimentOptions
        {
            Models = ExperimentModel.FromZoo(settings.Models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), settings.Customize),
            Seeds = settings.Seeds,
            BaseSeed = settings.Seed,
            TrainLimit = settings.TrainLimit,
            TestLimit = settings.TestLimit,
            OutputDirectory = output,
            Device = device,
            Resume = settings.Resume,
        }.Validate();
        using var data = DataLoading.Load(settings.Data);
        AnsiConsole.MarkupLine($"Experiment: {string.Join(", ", options.Models.Select(m => $"{m.Definition.Id} ({m.Recipe.Name}, {m.Recipe.Epochs} epochs)"))} × {options.Seeds} seed(s) → {Markup.Escape(output)}");
        var results = ExperimentProgressView.Show(progressFor => ExperimentRunner.Run(data, options,
            run => [progressFor(run), .. settings.TensorBoardFor(Path.Combine(run.Model, $"seed-{run.Seed}"))], cancellationToken));
        AnsiConsole.Write(ResultsTable(results));
        foreach (var c in results.Comparisons.Where(c => c.Interval is not null))
            AnsiConsole.MarkupLine(Markup.Escape($"{c.A} − {c.B}: {Points(c.Difference)} (95 % CI {Points(c.Interval!.Low)} to {Points(c.Interval.High)}, Welch)"));
        AnsiConsole.MarkupLine($"[green]done[/] in {results.Minutes:F1} min — report: {Markup.Escape(Path.GetFullPath(Path.Combine(output, ExperimentResults.ReportFileName)))}");
        return 0;
    }

    static Table ResultsTable(ExperimentResults results)
    {
        var table = new Table().Title("CIFAR-10 study (test set, ML.NET metrics)")
            .AddColumns("Model", "Test accuracy", "Test loss", "Params", "s/epoch", "Epochs (best)", "Train–val gap");
        foreach (var m in results.Models)
            table.AddRow(m.Model, m.TestAccuracy.Format(2, percent: true), m.TestLoss.Format(4), m.TotalParameters.ToString("N0", CultureInfo.InvariantCulture),
                m.SecondsPerEpoch.Format(1), $"{m.EpochsRun.Format(1)} ({m.BestEpoch.Format(1)})", Points(m.GeneralisationGap.Mean));
        return table;
    }

    static string Points(double fraction) => (100 * fraction).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " pp";
}
