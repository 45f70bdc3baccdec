using System.Text;
using Cifar10.Core;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Experiments;
using static Cifar10.Pipelines.Reports.Format;

namespace Cifar10.Pipelines.Reports;

/// <summary><c>report.md</c>: the study's comparative table, plots inline, per-class accuracy, statistics, the 5×5 diagnosis and generated findings.</summary>
internal static class ExperimentReport
{
    /// <summary>Writes the report into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ExperimentResults results) =>
        AtomicFile.WriteAllText(Path.Combine(directory, ExperimentResults.ReportFileName), Render(results));

    /// <summary>The report's Markdown.</summary>
    public static string Render(ExperimentResults results)
    {
        var setup = results.Setup;
        var md = new StringBuilder();
        md.AppendLine($"# CIFAR-10 architecture study — {results.StartedUtc:yyyy-MM-dd HH:mm} UTC").AppendLine();
        foreach (var recipe in results.Models.GroupBy(m => m.Training))
        {
            var first = recipe.First().Seeds[0].Results;
            var split = first.Split;
            md.AppendLine($"{string.Join(", ", recipe.Select(m => $"`{m.Model}`"))} train{(recipe.Count() == 1 ? "s" : "")} with the {recipe.First().Recipe} recipe: {recipe.Key}. " +
                          $"Data: {Count(split.TrainCount)} training / {Count(split.ValidationCount)} validation (stratified) / {Count(split.TestCount)} test images" +
                          $"{(setup.TrainLimit is int n ? $" (first {Count(n)} training images only)" : "")}" +
                          $"{(first.Precision is { } precision ? $"; training passes in {EnumNames.Of(precision)}" : "")}.").AppendLine();
        }
        md.AppendLine($"Seeds: {string.Join(", ", setup.Seeds)}. Device: {setup.Device}, {setup.Threads} threads. " +
                      $"Training took {Number(results.TrainingMinutes, 1)} minutes (sum over runs, each epoch counted once even if resumed); " +
                      $"this invocation of the experiment took {Number(results.Minutes, 1)} minutes.").AppendLine();

        md.AppendLine("## Results").AppendLine();
        var table = new MarkdownTable("Model", "Test accuracy", "Test loss", "Parameters (trainable)", "MFLOP/image", "Seconds/epoch", "Epochs run (best)", "Train–val gap");
        foreach (var m in results.Models)
            table.Row($"`{m.Model}`", PercentSummary(m.TestAccuracy), Summary(m.TestLoss, 4), $"{Count(m.TotalParameters)} ({Count(m.TrainableParameters)})",
                Number(2 * m.ForwardMultiplyAdds / 1e6, 1), Summary(m.SecondsPerEpoch, 1), $"{Summary(m.EpochsRun, 1)} ({Summary(m.BestEpoch, 1)})",
                m.GeneralisationGap.Count > 1 ? $"{Points(m.GeneralisationGap.Mean)} ± {Number(100 * m.GeneralisationGap.Std, 2)}" : Points(m.GeneralisationGap.Mean));
        md.Append(table).AppendLine();
        md.AppendLine("Test accuracy and loss are ML.NET's `MulticlassClassification.Evaluate` micro-accuracy and log-loss on the test set; mean ± standard deviation over seeds. " +
                      "The gap is accuracy on the training images minus validation accuracy, both in inference mode (dropout off) with the weights that were kept.").AppendLine();
        var more = new MarkdownTable("Model", "Macro accuracy", "Top-3 accuracy", "Log-loss reduction");
        foreach (var m in results.Models)
            more.Row($"`{m.Model}`", PercentSummary(m.MacroAccuracy), PercentSummary(m.Top3Accuracy), Summary(m.LogLossReduction, 3));
        md.Append(more).AppendLine();
        md.AppendLine($"![Test accuracy by model]({ExperimentPlots.Accuracy})").AppendLine();

        md.AppendLine("## Findings").AppendLine();
        foreach (var finding in Findings.From(results)) md.AppendLine(finding).AppendLine();

        md.AppendLine("## Learning curves").AppendLine();
        md.AppendLine($"![Validation accuracy and loss of all models]({ExperimentPlots.Comparison})").AppendLine();
        foreach (var m in results.Models) md.AppendLine($"![{m.Model} learning curves]({ExperimentPlots.LearningCurves(m.Model)})").AppendLine();

        md.AppendLine("## Per-class accuracy (recall, mean over seeds)").AppendLine();
        var classNames = results.Models[0].Seeds[0].Results.TestMetrics.ClassNames;
        var perClass = new MarkdownTable(["Class", .. results.Models.Select(m => $"`{m.Model}`")]);
        for (int c = 0; c < classNames.Count; c++)
            perClass.Row([classNames[c], .. results.Models.Select(m => Percent(m.PerClassRecall[c]))]);
        md.Append(perClass).AppendLine();
        md.AppendLine($"![Per-class accuracy]({ExperimentPlots.PerClass})").AppendLine();

        md.AppendLine("## Confusion matrices and most confident mistakes (first seed)").AppendLine();
        foreach (var m in results.Models)
        {
            md.AppendLine($"![{m.Model} confusion matrix]({ExperimentPlots.Confusion(m.Model)})").AppendLine();
            md.AppendLine($"![{m.Model} most confident mistakes]({ExperimentPlots.Mistakes(m.Model)})").AppendLine();
        }

        md.AppendLine("## Statistics").AppendLine();
        md.AppendLine($"Method: {results.ComparisonMethod}.").AppendLine();
        var stats = new MarkdownTable("A − B", "Difference", "95 % CI", "df", "p");
        foreach (var c in results.Comparisons)
            stats.Row($"`{c.A}` − `{c.B}`", Points(c.Difference),
                c.Interval is { } i ? $"{Points(i.Low)} to {Points(i.High)}" : "needs ≥ 2 seeds",
                c.Interval is { } j ? Number(j.DegreesOfFreedom, 1) : "–", c.Interval is { } k ? Number(k.PValue, 4) : "–");
        md.Append(stats).AppendLine();

        if (results.Diagnosis.Count > 0)
        {
            md.AppendLine("## Evaluation under other input scalings").AppendLine();
            md.AppendLine("Each trained model (first seed) is evaluated on the test set as trained and with the input scaling forgotten or applied twice: " +
                          "a model evaluated on inputs scaled differently from its training can look like it collapsed. " +
                          $"The original study's reported figures: {string.Join("; ", OriginalStudy.Results.Select(r => $"`{r.Key}` {Percent(r.Value.Accuracy)}"))}.").AppendLine();
            var diagnosis = new MarkdownTable("Model", "Evaluated on", "Test accuracy", "Test loss");
            foreach (var d in results.Diagnosis) diagnosis.Row($"`{d.Model}`", d.Condition, Percent(d.Accuracy), Number(d.Loss, 3));
            md.Append(diagnosis).AppendLine();
        }

        md.AppendLine("## Epoch-to-epoch stability (validation set, inference mode)").AppendLine();
        md.AppendLine("The kept epoch is the best; the last epoch is what a run keeping its last weights would report; the worst is the lowest validation accuracy after the first epoch.").AppendLine();
        var stability = new MarkdownTable("Model", "Seed", "Kept epoch", "Last epoch", "Worst epoch after the first");
        foreach (var m in results.Models)
            foreach (var s in m.Seeds)
                stability.Row($"`{m.Model}`", s.Seed.ToString(), $"{s.Results.BestEpoch}: {Percent(s.Results.ValidationAccuracy)}",
                    EpochCell(s.Results.LastEpoch), EpochCell(s.Results.WorstEpoch));
        md.Append(stability).AppendLine();

        md.AppendLine("## Per-seed results").AppendLine();
        // A recipe with test-time augmentation reports the mean over its views; beside it, what one view
        // scores (the plain model.onnx), a column only when some run averaged views.
        var withViews = results.Models.Any(m => m.Seeds.Any(s => s.Results.SingleViewTestAccuracy is not null));
        var seeds = withViews
            ? new MarkdownTable("Model", "Seed", "Test accuracy (views)", "One view", "Test loss", "Epochs (best)", "Minutes", "Run folder")
            : new MarkdownTable("Model", "Seed", "Test accuracy", "Test loss", "Epochs (best)", "Minutes", "Run folder");
        foreach (var m in results.Models)
            foreach (var s in m.Seeds)
            {
                string[] accuracy = withViews
                    ? [$"{Percent(s.Results.TestAccuracy)} ({s.Results.TestViews ?? 1})", Percent(s.Results.SingleViewTestAccuracy ?? s.Results.TestAccuracy)]
                    : [Percent(s.Results.TestAccuracy)];
                seeds.Row([$"`{m.Model}`", s.Seed.ToString(), .. accuracy, Number(s.Results.TestLoss, 4),
                    $"{s.Results.EpochsRun} ({s.Results.BestEpoch})", Number(s.Results.TrainingSeconds / 60, 1), $"[{s.RunDirectory}]({s.RunDirectory}/)"]);
            }
        md.Append(seeds).AppendLine();
        md.AppendLine("Versions: " + string.Join(", ", results.Versions.Select(v => $"{v.Key} {v.Value}")) + ".");
        return md.ToString();
    }

    static string EpochCell(Core.Training.EpochRecord? epoch) =>
        epoch is null ? "–" : $"{epoch.Epoch}: {Percent(epoch.ValidationAccuracy)} (loss {Number(epoch.ValidationLoss, 2)})";
}
