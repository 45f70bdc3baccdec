using Cifar10.Core;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Pipelines.Experiments.Architecture;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

/// <summary>The architecture suite: its parts and cells, its verdicts, and a small suite end to end on the real data.</summary>
[Collection(nameof(SeededTrainingCollection))]
public class ArchitectureSuiteTests
{
    [Fact]
    public void Parts_parse_from_their_names_and_architecture_means_all()
    {
        Assert.Equal(SuiteParts.Every, SuiteParts.Parse("architecture"));
        Assert.Equal([SuitePart.Kernels, SuitePart.SampleEfficiency], SuiteParts.Parse(" sample-efficiency, Kernels,kernels"));
        var error = Assert.Throws<InvalidSettingException>(() => SuiteParts.Parse("kernels,strides"));
        Assert.StartsWith("Suite strides: unknown suite part; expected architecture or one or more of kernels, stacking,", error.Message);
    }

    [Fact]
    public void Each_part_plans_its_cells_once_with_the_reference_first()
    {
        var options = new ArchitectureSuiteOptions { OutputDirectory = "unused", Parts = [SuitePart.Kernels, SuitePart.Stacking, SuitePart.Locality, SuitePart.SampleEfficiency], SampleSizes = [20_000, 5_000, 10_000] };
        var names = SuitePlan.Cells(options).Select(c => c.NameFor(options.TrainImages)).ToArray();
        Assert.Equal(["cnn-3x3", "cnn-1x1", "cnn-5x5", "cnn-7x7", "cnn-3x3-2conv", "dense", "dense-permuted", "cnn-3x3-permuted", "dense-5k", "cnn-3x3-5k", "dense-20k", "cnn-3x3-20k"], names);
    }

    [Theory]
    [InlineData(32, "Shift 32: is outside the 32×32 image; shifts run from 0 to 31 pixels.")]
    [InlineData(-2, "Shift -2: is outside the 32×32 image; shifts run from 0 to 31 pixels.")]
    public void A_shift_outside_the_image_is_refused_before_anything_trains(int shift, string message)
    {
        var options = new ArchitectureSuiteOptions { OutputDirectory = "unused", Shifts = [0, shift] };
        Assert.Equal(message, Assert.Throws<InvalidSettingException>(() => options.Validate()).Message);
    }

    [Fact]
    public void Verdicts_follow_the_interval_of_the_difference()
    {
        var options = new ArchitectureSuiteOptions { OutputDirectory = "unused", Parts = [SuitePart.Kernels, SuitePart.Padding, SuitePart.Locality] };
        var runs = new List<SuiteRunResult>();
        void Cell(string name, params double[] accuracies) =>
            runs.AddRange(accuracies.Select((a, i) => Run(name, 42 + i, a)));
        Cell("cnn-3x3", 0.60, 0.61, 0.62);
        Cell("cnn-1x1", 0.40, 0.41, 0.42);       // clearly worse: supported
        Cell("cnn-5x5", 0.70, 0.71, 0.72);       // clearly better: the claim "3×3 beats 5×5" is contradicted
        Cell("cnn-7x7", 0.55, 0.61, 0.67);       // straddles: not distinguishable
        Cell("cnn-3x3-valid", 0.50, 0.51, 0.52);
        Cell("dense", 0.300, 0.305, 0.310);
        Cell("dense-permuted", 0.303, 0.305, 0.307); // the interval within ±2 pp: "does not matter" is supported
        Cell("cnn-3x3-permuted", 0.40, 0.41, 0.42);
        var results = ArchitectureSuiteResults.From(options, SuitePlan.Cells(options), runs, 10_000, DateTime.UtcNow, 1, 2);
        Verdict VerdictOf(string start) => results.Claims.Single(c => c.Statement.StartsWith(start, StringComparison.Ordinal)).Verdict;

        Assert.Equal(Verdict.Supported, VerdictOf("A convolution needs spatial context"));
        Assert.Equal(Verdict.Contradicted, VerdictOf("Small kernels are better"));
        Assert.Equal(Verdict.NotDistinguishable, VerdictOf("Larger kernels are worse still"));
        Assert.Equal(Verdict.Supported, VerdictOf("'same' padding beats 'valid'"));
        Assert.Equal(Verdict.Supported, VerdictOf("A dense network does not use locality"));
        Assert.Equal(Verdict.Supported, VerdictOf("A CNN relies on locality"));
        Assert.Equal(Verdict.Supported, VerdictOf("Parameter efficiency"));
        var reference = results.Cell("cnn-3x3")!;
        Assert.Null(reference.IntervalToReference);
        var wider = results.Cell("cnn-1x1")!;
        Assert.Equal(-0.20, wider.DifferenceToReference, 6);
        Assert.True(wider.IntervalToReference!.High < 0);
    }

    [Fact]
    public void A_collapse_is_a_last_epoch_below_30_percent_with_training_accuracy_at_least_50_percent()
    {
        var options = new ArchitectureSuiteOptions { OutputDirectory = "unused", Parts = [SuitePart.Collapse], Seeds = 2 };
        SuiteRunResult Probed(string cell, int seed, double train, double test, double recalibrated) =>
            Run(cell, seed, 0.6) with { LastEpoch = new LastEpochMeasurement(10, train, test, recalibrated) };
        SuiteRunResult[] runs =
        [
            Probed("cnn-3x3", 42, 0.70, 0.62, 0.63), Probed("cnn-3x3", 43, 0.70, 0.61, 0.62),
            Probed("cnn-1x1", 42, 0.45, 0.20, 0.35), Probed("cnn-1x1", 43, 0.40, 0.30, 0.31),   // not learnt: no collapse
            Probed("cnn-5x5", 42, 0.72, 0.12, 0.58), Probed("cnn-5x5", 43, 0.70, 0.60, 0.61),   // seed 42 collapses and recovers
            Probed("cnn-7x7", 42, 0.65, 0.25, 0.27), Probed("cnn-7x7", 43, 0.66, 0.55, 0.56),   // seed 42 collapses and stays down
        ];
        var results = ArchitectureSuiteResults.From(options, SuitePlan.Cells(options), runs, 10_000, DateTime.UtcNow, 1, 2);

        Assert.Equal(8, results.Collapse.RunsExamined);
        Assert.Equal([("cnn-5x5", 42, true), ("cnn-7x7", 42, false)], results.Collapse.Cases.Select(c => (c.Cell, c.Seed, c.Recovered)));
        Assert.Equal(Verdict.Contradicted, results.Claims.Single(c => c.Part == SuitePart.Collapse).Verdict);
    }

    [RealDataFact]
    public void A_small_suite_writes_its_claims_results_and_figures_and_a_resumed_one_reads_its_runs_back()
    {
        using var temp = new TempDirectory();
        var options = new ArchitectureSuiteOptions
        {
            OutputDirectory = temp.File("suite"), Parts = [SuitePart.Padding, SuitePart.Translation], Seeds = 2, TrainImages = 600, TestLimit = 2_000, Epochs = 1, Shifts = [0, 3],
        };
        var results = ArchitectureSuiteRunner.Run(TestData.Real, options);

        Assert.Equal(["cnn-3x3", "cnn-3x3-valid", "dense"], results.Cells.Select(c => c.Name));
        Assert.Equal(2_000, results.Setup.TestImages);
        using (var runResults = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("suite/cnn-3x3/seed-42/results.json"))))
            Assert.Equal(2_000, runResults.RootElement.GetProperty("split").GetProperty("testCount").GetInt32());
        Assert.All(results.Cells, c => Assert.Equal(2, c.Runs.Count));
        Assert.All(results.Cells.Where(c => c.Model != "dense").SelectMany(c => c.Runs), r => Assert.NotNull(r.LastEpoch));
        var cnn = results.Cell("cnn-3x3")!;
        Assert.Equal([0, 3], cnn.ShiftedTestAccuracy!.Keys.Order());
        Assert.Equal(cnn.TestAccuracy.Mean, cnn.ShiftedTestAccuracy[0].Mean, 6); // shift 0 is the test set itself
        Assert.Null(results.Cell("cnn-3x3-valid")!.ShiftedTestAccuracy);
        var claims = File.ReadAllText(temp.File("suite/claims.md"));
        Assert.Contains("'same' padding beats 'valid'", claims);
        Assert.Contains("more robust to translation", claims);
        PngAssert.Readable(temp.File("suite/accuracy-by-shift.png"), minColours: 3);
        PngAssert.Readable(temp.File("suite/accuracy-by-parameters.png"), minColours: 3);
        Assert.True(File.Exists(temp.File("suite/results.json")));

        var written = File.GetLastWriteTimeUtc(temp.File("suite/dense/seed-42/history.json"));
        var resumed = ArchitectureSuiteRunner.Run(TestData.Real, options with { Resume = true });
        Assert.Equal(written, File.GetLastWriteTimeUtc(temp.File("suite/dense/seed-42/history.json")));
        Assert.Equal(results.Cells.Select(c => c.Accuracies), resumed.Cells.Select(c => c.Accuracies));
    }

    static SuiteRunResult Run(string cell, int seed, double accuracy) =>
        new(cell, seed, 10_000, accuracy, 1.0, accuracy + 0.05, accuracy, 10, 8, 60, null, null);
}
