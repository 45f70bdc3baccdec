using Cifar10.Core.Models;
using Cifar10.Core.Runs;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>What every cell of a suite shares: parts, seeds, sizes, the protocol, the machine.</summary>
public sealed record SuiteSetup(IReadOnlyList<string> Parts, IReadOnlyList<int> Seeds, int TrainImages, int TestImages, IReadOnlyList<int> SampleSizes, int Epochs,
    IReadOnlyList<int> Shifts, int PermutationSeed, string Training, string Device, int Threads);

/// <summary><c>results.json</c> of the architecture suite: its setup, every cell over its seeds, the collapse question and the verdict on each claim.</summary>
public sealed record ArchitectureSuiteResults(
    DateTime StartedUtc,
    double Minutes,
    SuiteSetup Setup,
    IReadOnlyList<SuiteCellResults> Cells,
    CollapseSummary Collapse,
    IReadOnlyList<Claim> Claims,
    IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>The results' file name in the suite's folder.</summary>
    public const string FileName = "results.json";
    /// <summary>The claims table's file name in the suite's folder.</summary>
    public const string ClaimsFileName = "claims.md";

    /// <summary>Runs a resumed suite read back from an earlier invocation instead of training them (0 for a suite run in one go).</summary>
    public int RunsReadBack { get; init; }

    /// <summary>Minutes of training summed over every run (from their histories: a resumed suite counts each epoch once).</summary>
    public double TrainingMinutes => Cells.Sum(c => c.TrainingMinutes);

    /// <summary>The cell of <paramref name="model"/> on <paramref name="trainImages"/> images (the base set when null), or null.</summary>
    public SuiteCellResults? Cell(string model, int? trainImages = null, bool permuted = false) =>
        Cells.FirstOrDefault(c => c.Model == model && c.Permuted == permuted && c.TrainImages == (trainImages ?? Setup.TrainImages));

    /// <summary>Aggregates the runs of a suite.</summary>
    public static ArchitectureSuiteResults From(ArchitectureSuiteOptions options, IReadOnlyList<SuiteCell> cells, IReadOnlyList<SuiteRunResult> runs,
        int testImages, DateTime started, double minutes, int threads)
    {
        string NameOf(SuiteCell cell) => cell.NameFor(options.TrainImages);
        IReadOnlyList<SuiteRunResult> RunsOf(string name) => runs.Where(r => r.Cell == name).ToArray();
        var aggregated = cells.Select(cell =>
        {
            var reference = NameOf(new SuiteCell(SuiteCell.ReferenceModel, cell.TrainImages));
            if (runs.All(r => r.Cell != reference)) reference = NameOf(new SuiteCell(SuiteCell.ReferenceModel, options.TrainImages));
            return SuiteCellResults.From(cell, NameOf(cell), reference, RunsOf(NameOf(cell)), RunsOf(reference));
        }).ToArray();
        var collapse = CollapseSummary.From(aggregated);
        var recipe = ModelZoo.DefaultRecipe(SuiteCell.ReferenceModel) with { Epochs = options.Epochs };
        var setup = new SuiteSetup(options.Parts.Select(SuiteParts.Name).ToArray(), options.SeedList, options.TrainImages, testImages, options.SampleSizes.Order().ToArray(),
            options.Epochs, options.Shifts.Distinct().Order().ToArray(), options.PermutationSeed, recipe.Describe(), options.Device.type.ToString(), threads);
        var claims = new ClaimChecks(aggregated, options, collapse).Evaluate();
        return new ArchitectureSuiteResults(started, minutes, setup, aggregated, collapse, claims, VersionInfo.Current());
    }
}
