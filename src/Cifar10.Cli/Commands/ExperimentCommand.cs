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
        [Description("Comma-separated model ids (default: dense,cnn-3x3,cnn-5x5; any odd cnn-KxK and its variants such as cnn-3x3-2conv; fast and fast-half train with the fast recipe, fast-whitened with airbench94).")]
        public string? Models { get; init; }

        [CommandOption("--seeds <N>")]
        [Description("Train every model with N seeds (default 1, with --suite 3; confidence intervals need 2 or more).")]
        public int? Seeds { get; init; }

        [CommandOption("--seed <N>")]
        [Description("First seed; the others follow (seed, seed+1, …).")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--suite <PARTS>")]
        [Description("Run the architecture suite instead: architecture (all parts) or comma-separated parts: kernels, stacking, depth, downsampling, padding, locality, translation, sample-efficiency, collapse → claims.md, results.json, figures.")]
        public string? Suite { get; init; }

        [CommandOption("--full")]
        [Description("With --suite: the study's size (45,000 training images, up to 30 epochs) instead of the default 10,000 images and 10 epochs.")]
        public bool Full { get; init; }

        [CommandOption("--train-images <N>")]
        [Description("With --suite: training images of every cell but the sample-efficiency ones (default 10,000).")]
        public int? TrainImages { get; init; }

        [CommandOption("--sample-sizes <LIST>")]
        [Description("With --suite: training-set sizes of the sample-efficiency part (default 5000,10000,20000,45000).")]
        public string? SampleSizes { get; init; }

        [CommandOption("--shifts <LIST>")]
        [Description("With --suite: pixel shifts of the translation part, e.g. 0-8 (the default) or 0,2,4.")]
        public string? Shifts { get; init; }

        [CommandOption("--permutation-seed <N>")]
        [Description("With --suite: seed of the fixed pixel permutation of the locality part (default 1).")]
        public int[]? PermutationSeed { get; init; }

        /// <inheritdoc />
        public override Spectre.Console.ValidationResult Validate()
        {
            if (Suite is null && (Full || TrainImages is not null || SampleSizes is not null || Shifts is not null || PermutationSeed is not null))
                return Spectre.Console.ValidationResult.Error("--full, --train-images, --sample-sizes, --shifts and --permutation-seed go with --suite.");
            if (Suite is not null && (Models is not null || BatchSize is not null || LearningRate is not null || InputScaling is not null || Precision is not null || TrainLimit is not null))
                return Spectre.Console.ValidationResult.Error("--suite trains its own cells with the study's protocol: --models, --batch-size, --lr, --input-scaling, --precision and --train-limit do not apply (use --train-images, --epochs, --seeds, --test-limit).");
            if (PermutationSeed is { Length: > 1 } seeds && seeds.Distinct().Count() > 1)
                return Spectre.Console.ValidationResult.Error($"--permutation-seed is given twice with different values ({string.Join(", ", seeds.Distinct())}); give one.");
            return base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Suite is not null) return SuiteExecution.Run(settings, cancellationToken);
        var output = RunNames.Resolve(settings.Out, "experiment", settings.Resume, folder => File.Exists(Path.Combine(folder, ExperimentOptions.OptionsFile)));
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        var options = new ExperimentOptions
        {
            Models = ExperimentModel.FromZoo((settings.Models ?? string.Join(",", Core.Models.ModelZoo.StudyModels)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), settings.Customize),
            Seeds = settings.Seeds ?? 1,
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

    internal static string Points(double fraction) => (100 * fraction).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " pp";
}
