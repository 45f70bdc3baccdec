using Cifar10.Pipelines.Experiments;
using static Cifar10.Pipelines.Reports.Format;

namespace Cifar10.Pipelines.Reports;

/// <summary>
/// The report's findings, written from the measured numbers only: which model wins and by how
/// much, whether the difference is significant, which overfits more, and how each model compares with
/// the original study's reported figure.
/// </summary>
internal static class Findings
{
    /// <summary>One paragraph per finding.</summary>
    public static IReadOnlyList<string> From(ExperimentResults results)
    {
        var findings = new List<string>();
        var ranked = results.Models.OrderByDescending(m => m.TestAccuracy.Mean).ToArray();
        var seeds = results.Setup.Seeds.Count;
        findings.Add($"**Ranking.** {string.Join(" > ", ranked.Select(m => $"`{m.Model}` ({PercentSummary(m.TestAccuracy)})"))} " +
                     $"on the {Count(results.Models[0].Seeds[0].Results.Split.TestCount)} test images, {seeds} seed{(seeds == 1 ? "" : "s")} per model.");
        foreach (var pair in results.Comparisons)
            findings.Add(DescribePair(pair, results));
        var gaps = results.Models.OrderByDescending(m => m.GeneralisationGap.Mean).ToArray();
        if (gaps.Length > 1)
            findings.Add($"**Overfitting.** The largest train–validation accuracy gap at the kept epoch is `{gaps[0].Model}`'s " +
                         $"({Points(gaps[0].GeneralisationGap.Mean)}); the smallest is `{gaps[^1].Model}`'s ({Points(gaps[^1].GeneralisationGap.Mean)}).");
        var collapsed = results.Models.Where(m => m.TestAccuracy.Mean < 0.2).ToArray();
        findings.Add(collapsed.Length == 0
            ? $"**No collapse.** Every model learned: the lowest mean test accuracy is {Percent(ranked[^1].TestAccuracy.Mean)} (chance is 10 %)."
            : $"**Collapse.** {string.Join(", ", collapsed.Select(m => $"`{m.Model}` ({Percent(m.TestAccuracy.Mean)})"))} stayed near chance (10 %).");
        foreach (var model in results.Models)
            if (OriginalStudy.For(model.Model) is { } reported)
                findings.Add(AgainstOriginal(model, reported, results.Diagnosis));
        return findings;
    }

    static string DescribePair(PairComparison pair, ExperimentResults results)
    {
        var a = results.Models.First(m => m.Model == pair.A);
        var b = results.Models.First(m => m.Model == pair.B);
        var text = $"**`{pair.A}` vs `{pair.B}`.** Difference in mean test accuracy {Points(pair.Difference)}";
        if (pair.Interval is { } ci)
            text += $" (95 % CI {Points(ci.Low)} to {Points(ci.High)}, Welch p = {Number(ci.PValue, 3)}): " +
                    (ci.Significant ? "the difference is significant at the 5 % level" : "the interval includes zero, so the seeds do not separate the two");
        else
            text += " (one seed: no confidence interval; run with `--seeds 2` or more)";
        text += $". `{pair.A}` has {Count(a.TotalParameters)} parameters and takes {Number(a.SecondsPerEpoch.Mean, 1)} s/epoch; " +
                $"`{pair.B}` has {Count(b.TotalParameters)} and takes {Number(b.SecondsPerEpoch.Mean, 1)} s/epoch.";
        return text;
    }

    // A measured mean this far above a reported figure means the report's figure was not reproduced by training.
    const double NotReproduced = 0.10;

    static string AgainstOriginal(ModelResults model, OriginalStudy.Reported reported, IReadOnlyList<DiagnosisRow> diagnosis)
    {
        var measured = model.TestAccuracy.Mean;
        var text = $"**`{model.Model}` against the original.** The original run reported {Percent(reported.Accuracy)}" +
                   $"{(reported.Loss is double loss ? $" (loss {Number(loss, 2)})" : "")}; under this protocol it reached {PercentSummary(model.TestAccuracy)}";
        if (measured - reported.Accuracy <= NotReproduced)
            return text + (measured < reported.Accuracy - NotReproduced
                ? $", {Points(reported.Accuracy - measured)} below it (check the data size and epochs of this experiment)."
                : $", within {Points(Math.Abs(measured - reported.Accuracy))} of it: the figure reproduces.");
        text += $", so the original's low figure is **not reproduced** by training.";
        var rows = diagnosis.Where(d => d.Model == model.Model).ToArray();
        if (rows.Length > 0)
        {
            var closest = ScalingDiagnosis.Closest(rows, reported.Accuracy);
            var asTrained = rows.First(r => r.Condition == ScalingDiagnosis.AsTrained);
            text += $" Evaluating the trained model (seed {asTrained.Seed}) under different input scalings: " +
                    string.Join("; ", rows.Select(r => $"{r.Condition}: {Percent(r.Accuracy)}, loss {Number(r.Loss, 2)}")) + ". " +
                    (closest.Condition != ScalingDiagnosis.AsTrained && IsNear(closest.Accuracy, reported)
                        ? $"**{closest.Condition}** comes within {Points(Math.Abs(closest.Accuracy - reported.Accuracy))} of {Percent(reported.Accuracy)} (loss {Number(closest.Loss, 2)}): " +
                          "a correctly trained model evaluated on inputs not scaled the way it was trained produces a 'collapse' of this kind."
                        : $"None comes within {NearOriginal * 100:0} pp of {Percent(reported.Accuracy)}, so a scaling mistake at evaluation does not explain the figure here.");
        }
        return text + " " + Instability(model, reported);
    }

    // Within this distance of a reported figure a condition counts as reproducing it.
    const double NearOriginal = 0.05;

    static bool IsNear(double accuracy, OriginalStudy.Reported reported) => Math.Abs(accuracy - reported.Accuracy) <= NearOriginal;

    // Inference-mode validation accuracy can drop for a single epoch (BatchNorm running statistics
    // lag weights that Adam moves quickly); a run that keeps the last weights instead of the best
    // reports whatever that epoch gives.
    static string Instability(ModelResults model, OriginalStudy.Reported reported)
    {
        var worst = model.Seeds.Where(s => s.Results.WorstEpoch is not null).MinBy(s => s.Results.WorstEpoch!.ValidationAccuracy);
        if (worst is null) return "";
        var epoch = worst.Results.WorstEpoch!;
        var text = $"After the first epoch, its validation accuracy (inference mode) fell as low as {Percent(epoch.ValidationAccuracy)} (loss {Number(epoch.ValidationLoss, 2)}) " +
                   $"at epoch {epoch.Epoch} of seed {worst.Seed}, while its training accuracy was {Percent(epoch.TrainAccuracy)}. ";
        return text + (epoch.ValidationAccuracy <= reported.Accuracy + NearOriginal // near the reported figure or below it
            ? $"Keras' `EarlyStopping` keeps the last epoch's weights unless `restore_best_weights=True`: a run that ends on such an epoch reports a 'collapse' like {Percent(reported.Accuracy)} " +
              "from a network that trains normally. This product restores the best weights."
            : $"No epoch after the first came within {NearOriginal * 100:0} pp of {Percent(reported.Accuracy)}, so keeping an unlucky last epoch does not explain the figure here either.");
    }
}
