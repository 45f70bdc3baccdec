using Cifar10.Cli.Terminal;
using Cifar10.Pipelines.Experiments.Architecture;
using Spectre.Console;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 experiment --suite …</c>: the architecture suite's options, its progress, and its claims as a table.</summary>
internal static class SuiteExecution
{
    public static int Run(ExperimentCommand.Settings settings, CancellationToken cancel)
    {
        var parts = SuiteParts.Parse(settings.Suite!);
        var output = RunNames.Resolve(settings.Out, "suite", settings.Resume, folder => File.Exists(Path.Combine(folder, ArchitectureSuiteRunner.OptionsFile)));
        var defaults = new ArchitectureSuiteOptions { OutputDirectory = output };
        if (settings.Full) defaults = defaults.Full();
        var options = (defaults with
        {
            Parts = parts,
            Seeds = settings.Seeds ?? defaults.Seeds,
            BaseSeed = settings.Seed,
            TrainImages = settings.TrainImages ?? defaults.TrainImages,
            TestLimit = settings.TestLimit,
            SampleSizes = settings.SampleSizes is null ? defaults.SampleSizes : NumberLists.Parse(settings.SampleSizes, "SampleSizes"),
            Epochs = settings.Epochs ?? defaults.Epochs,
            Shifts = settings.Shifts is null ? defaults.Shifts : NumberLists.Parse(settings.Shifts, "Shifts"),
            PermutationSeed = settings.PermutationSeed is { Length: > 0 } seed ? seed[0] : defaults.PermutationSeed,
            Resume = settings.Resume,
        }).Validate();
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        options = options with { Device = device };
        using var data = DataLoading.Load(settings.Data);
        var cells = SuitePlan.Cells(options);
        AnsiConsole.MarkupLine(Markup.Escape($"Architecture suite ({string.Join(", ", options.Parts.Select(SuiteParts.Name))}): {cells.Count} cells × {options.Seeds} seed(s), " +
            $"{options.TrainImages:N0} training images, at most {options.Epochs} epochs → {output}"));
        var results = ExperimentProgressView.Show(progressFor => ArchitectureSuiteRunner.Run(data, options,
            run => [progressFor(run), .. settings.TensorBoardFor(Path.Combine(run.Model, $"seed-{run.Seed}"))], cancel));
        AnsiConsole.Write(ClaimsTable(results));
        AnsiConsole.MarkupLine($"[green]done[/] in {results.Minutes:F1} min — claims: {Markup.Escape(Path.GetFullPath(Path.Combine(output, ArchitectureSuiteResults.ClaimsFileName)))}");
        return 0;
    }

    static Table ClaimsTable(ArchitectureSuiteResults results)
    {
        var table = new Table().Title("The original's claims (test set)").AddColumns("Claim", "Measured", "Verdict");
        foreach (var claim in results.Claims)
            table.AddRow(Markup.Escape(claim.Statement), Markup.Escape(claim.Measured), Markup.Escape(Claim.Describe(claim.Verdict)));
        return table;
    }
}
