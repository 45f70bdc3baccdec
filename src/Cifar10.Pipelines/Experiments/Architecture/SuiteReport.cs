using System.Globalization;
using System.Text;
using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Reports;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>Writes a suite's <c>results.json</c>, its figures and <c>claims.md</c>, which reads without the code.</summary>
public static class SuiteReport
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes the three into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ArchitectureSuiteResults results)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, ArchitectureSuiteResults.FileName), JsonSerializer.Serialize(results, RunFolder.Json));
        var figures = SuitePlots.Write(directory, results);
        AtomicFile.WriteAllText(Path.Combine(directory, ArchitectureSuiteResults.ClaimsFileName), Markdown(results, figures));
    }

    /// <summary>The claims report.</summary>
    public static string Markdown(ArchitectureSuiteResults results, IReadOnlyList<string> figures)
    {
        var setup = results.Setup;
        var text = new StringBuilder();
        text.AppendLine("# The architecture study: the original's claims, tested").AppendLine();
        text.AppendLine(string.Create(C,
            $"Parts: {string.Join(", ", setup.Parts)}. Every cell is trained with {setup.Seeds.Count} seed(s) ({string.Join(", ", setup.Seeds)}) on the first CIFAR-10 " +
            $"training images, a stratified tenth of them held out for validation, and scored on {setup.TestImages:N0} test images. " +
            $"Training: the study's protocol — {setup.Training}. Base training set: {setup.TrainImages:N0} images; " +
            $"sample-efficiency sizes {string.Join(", ", setup.SampleSizes.Select(s => s.ToString("N0", C)))}; shifts {string.Join(", ", setup.Shifts)} pixels; " +
            $"pixel permutation seed {setup.PermutationSeed}. {WallTime(results)} on {setup.Device} with {setup.Threads} threads."));
        text.AppendLine();
        text.AppendLine("A comparison is *supported* when Welch's 95 % interval of the difference over seeds lies on the claimed side of zero, *contradicted* when it lies on the other, " +
            $"and *not distinguishable at this sample size* otherwise; \"does not matter\" is supported when the whole interval lies within ±{100 * ClaimChecks.EquivalenceMargin:0} pp.").AppendLine();

        text.AppendLine("## Claims").AppendLine();
        var claims = new MarkdownTable("Claim (the original study, in our words)", "Experiment", "Measured", "Verdict");
        foreach (var claim in results.Claims) claims.Row(claim.Statement, claim.Experiment, claim.Measured, $"**{Claim.Describe(claim.Verdict)}**");
        text.AppendLine(LeftAligned(claims.ToString()));

        text.AppendLine("## Every cell").AppendLine();
        text.AppendLine("Test accuracy with the weights the study's protocol keeps (the best validation loss), mean ± standard deviation over seeds; the last epoch's test accuracy as Keras' default " +
            "(`restore_best_weights=False`) would report it, and again with the BatchNorm statistics recomputed over the training images; the difference to `cnn-3x3` trained on the same images.").AppendLine();
        var table = new MarkdownTable("Cell", "Network", "Training images", "Parameters", "Multiply-adds", "Test accuracy", "− cnn-3x3 (95 % CI)", "Last epoch (Keras default)", "Last epoch, statistics recomputed", "Epochs", "Minutes");
        foreach (var cell in results.Cells)
            table.Row($"`{cell.Name}`", cell.Description + (cell.Permuted ? "; pixels permuted" : ""), Format.Count(cell.TrainImages), Format.Count(cell.TotalParameters),
                Format.Count(cell.ForwardMultiplyAdds), Format.PercentSummary(cell.TestAccuracy), cell.Name == cell.Reference ? "(reference)" : Difference(cell),
                Optional(cell.LastEpochTestAccuracy), Optional(cell.RecalibratedLastEpochTestAccuracy), cell.EpochsRun.Format(1), Format.Number(cell.TrainingMinutes, 1));
        text.AppendLine(table.ToString());

        AppendShifts(text, results);
        AppendSampleSizes(text, results);
        AppendCollapse(text, results);

        if (figures.Count > 0)
        {
            text.AppendLine("## Figures").AppendLine();
            foreach (var figure in figures) text.AppendLine($"![{Path.GetFileNameWithoutExtension(figure)}]({figure})").AppendLine();
        }
        text.AppendLine("## Versions").AppendLine();
        foreach (var (name, version) in results.Versions) text.AppendLine($"- {name}: {version}");
        return text.ToString();
    }

    static void AppendShifts(StringBuilder text, ArchitectureSuiteResults results)
    {
        var cells = results.Cells.Where(c => c.ShiftedTestAccuracy is not null).ToArray();
        if (cells.Length == 0) return;
        text.AppendLine("## Translation").AppendLine();
        text.AppendLine("The trained models scored on the test images moved by k pixels (image i moves right, down, left or up by turns; the uncovered border is black); no retraining.").AppendLine();
        var table = new MarkdownTable(["Shift (pixels)", .. cells.Select(c => $"`{c.Model}`")]);
        foreach (var shift in results.Setup.Shifts)
            table.Row([shift.ToString(C), .. cells.Select(c => Format.PercentSummary(c.ShiftedTestAccuracy![shift]))]);
        text.AppendLine(table.ToString());
    }

    static void AppendSampleSizes(StringBuilder text, ArchitectureSuiteResults results)
    {
        if (!results.Setup.Parts.Contains(SuiteParts.Name(SuitePart.SampleEfficiency))) return;
        text.AppendLine("## Sample efficiency").AppendLine();
        text.AppendLine("Test accuracy with the protocol's kept weights; in brackets, the last epoch with the BatchNorm statistics recomputed over the training images.").AppendLine();
        var table = new MarkdownTable("Training images", "`dense`", "`cnn-3x3`", "cnn-3x3 − dense");
        foreach (var size in results.Setup.SampleSizes)
        {
            if (results.Cell(SuitePlan.Dense, size) is not { } dense || results.Cell(SuiteCell.ReferenceModel, size) is not { } cnn) continue;
            table.Row(Format.Count(size), $"{Format.PercentSummary(dense.TestAccuracy)} ({Optional(dense.RecalibratedLastEpochTestAccuracy)})",
                $"{Format.PercentSummary(cnn.TestAccuracy)} ({Optional(cnn.RecalibratedLastEpochTestAccuracy)})", Format.Points(cnn.TestAccuracy.Mean - dense.TestAccuracy.Mean));
        }
        text.AppendLine(table.ToString());
    }

    static void AppendCollapse(StringBuilder text, ArchitectureSuiteResults results)
    {
        var collapse = results.Collapse;
        if (collapse.RunsExamined == 0) return;
        text.AppendLine("## The 5×5 question").AppendLine();
        text.AppendLine(string.Create(C,
            $"Every CNN run's last epoch was scored as Keras' default would report it (its last weights, BatchNorm moving statistics with momentum 0.99), then again after " +
            $"recomputing the BatchNorm statistics over its training images (weights untouched). A run counts as collapsed when that last epoch scores below " +
            $"{100 * CollapseSummary.CollapsedBelow:0} % on the test set while its training accuracy is at least {100 * CollapseSummary.TrainingAbove:0} %. " +
            $"{collapse.Cases.Count} of {collapse.RunsExamined} runs collapsed; recomputing the statistics changes a last epoch's test accuracy by a median " +
            $"{Format.Points(collapse.MedianRecalibrationGain)} over all runs (largest {Format.Points(collapse.LargestRecalibrationGain)})."));
        text.AppendLine();
        if (collapse.Cases.Count == 0) return;
        var table = new MarkdownTable("Cell", "Seed", "Last epoch", "Training accuracy", "Test (moving statistics)", "Test (recomputed statistics)", "Test (best epoch's weights)");
        foreach (var c in collapse.Cases)
            table.Row($"`{c.Cell}`", c.Seed.ToString(C), c.Epoch.ToString(C), Format.Percent(c.TrainAccuracy), Format.Percent(c.TestAccuracy), Format.Percent(c.RecalibratedTestAccuracy), Format.Percent(c.BestWeightsTestAccuracy));
        text.AppendLine(table.ToString());
    }

    static string WallTime(ArchitectureSuiteResults results)
    {
        var runs = results.Cells.Sum(c => c.Runs.Count);
        return results.RunsReadBack == 0
            ? string.Create(C, $"Wall time {results.Minutes:F1} minutes, {results.TrainingMinutes:F1} of them training (summed over the {runs} runs),")
            : string.Create(C, $"Training time {results.TrainingMinutes:F1} minutes summed over the {runs} runs ({results.RunsReadBack} of them read back by a resumed invocation, whose own wall time was {results.Minutes:F1} minutes),");
    }

    static string Optional(Statistics.SampleSummary? accuracy) => accuracy is { } a ? Format.PercentSummary(a) : "—";

    static string Difference(SuiteCellResults cell) => cell.IntervalToReference is { } ci
        ? $"{Format.Points(cell.DifferenceToReference)} ({Format.Points(ci.Low)} to {Format.Points(ci.High)})"
        : Format.Points(cell.DifferenceToReference);

    // Claims are sentences: a left-aligned table reads better than MarkdownTable's right-aligned numbers.
    static string LeftAligned(string table)
    {
        var lines = table.Split('\n');
        lines[1] = "|" + string.Concat(Enumerable.Repeat("---|", lines[0].Count(ch => ch == '|') - 1));
        return string.Join('\n', lines);
    }
}
