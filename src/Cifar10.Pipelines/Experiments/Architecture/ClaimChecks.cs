using System.Globalization;
using Cifar10.Pipelines.Reports;
using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// Turns the suite's cells into verdicts on the original study's claims. A comparison claim ("A
/// beats B") is supported when Welch's 95 % interval of A − B over seeds lies above zero,
/// contradicted when it lies below, and not distinguishable otherwise; a claim that something does
/// not matter is supported when the whole interval lies within ±<see cref="EquivalenceMargin"/>.
/// </summary>
internal sealed class ClaimChecks(IReadOnlyList<SuiteCellResults> cells, ArchitectureSuiteOptions options, CollapseSummary collapse)
{
    /// <summary>Largest difference (accuracy, as a fraction) that counts as "no difference": 2 percentage points.</summary>
    public const double EquivalenceMargin = 0.02;
    /// <summary>The shift at which translation robustness is compared (pixels), when it was measured.</summary>
    public const int ComparedShift = 4;

    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Every claim whose cells ran.</summary>
    public IReadOnlyList<Claim> Evaluate()
    {
        var claims = new List<Claim>();
        void Add(Claim? claim)
        {
            if (claim is not null) claims.Add(claim);
        }
        Add(Beats(SuitePart.Kernels, "A convolution needs spatial context: 3×3 kernels learn far more than 1×1 kernels, which see each pixel alone.", "cnn-3x3", "cnn-1x1"));
        Add(Beats(SuitePart.Kernels, "Small kernels are better: 3×3 beats 5×5 (the original: 74.07 % against 25.76 %).", "cnn-3x3", "cnn-5x5"));
        Add(Beats(SuitePart.Kernels, "Larger kernels are worse still: 3×3 beats 7×7.", "cnn-3x3", "cnn-7x7"));
        Add(Beats(SuitePart.Stacking, "Two stacked 3×3 convolutions beat one 5×5 with the same receptive field.", "cnn-3x3-2conv", "cnn-5x5"));
        Add(FewerParameters());
        Add(Beats(SuitePart.Depth, "Depth helps: 3 blocks beat 2.", "cnn-3x3", "cnn-3x3-2blocks"));
        Add(Beats(SuitePart.Depth, "Depth keeps helping: 4 blocks beat 3.", "cnn-3x3-4blocks", "cnn-3x3"));
        Add(Beats(SuitePart.Downsampling, "Max-pooling downsamples better than a stride-2 convolution.", "cnn-3x3", "cnn-3x3-strided"));
        Add(Beats(SuitePart.Padding, "'same' padding beats 'valid' (border pixels count as much as central ones, and the maps keep their size).", "cnn-3x3", "cnn-3x3-valid"));
        Add(Beats(SuitePart.Locality, "A CNN relies on locality: with pixel positions permuted it loses accuracy.", "cnn-3x3", "cnn-3x3-permuted"));
        Add(DoesNotMatter(SuitePart.Locality, "A dense network does not use locality: permuting pixel positions does not change its accuracy.", SuitePlan.Dense, SuitePlan.Dense + "-permuted"));
        Add(TranslationRobustness());
        if (DenseBaselinePart() is { } densePart)
            Add(Beats(densePart, "Parameter efficiency: the CNN beats the dense network with a fraction of its parameters.", "cnn-3x3", SuitePlan.Dense, withParameters: true));
        Add(SampleEfficiency(recalibrated: false));
        Add(SampleEfficiency(recalibrated: true));
        Add(DenseOverfitsMore());
        Add(CollapseIsStatistics());
        return claims;
    }

    SuiteCellResults? Cell(string name) => cells.FirstOrDefault(c => c.Name == name);

    bool Ran(SuitePart part) => options.Parts.Contains(part);

    // The first part that trains the dense baseline on the base training set.
    SuitePart? DenseBaselinePart() =>
        new[] { SuitePart.Locality, SuitePart.Translation, SuitePart.SampleEfficiency }.Where(Ran).Select(p => (SuitePart?)p).FirstOrDefault();

    Claim? Beats(SuitePart part, string statement, string a, string b, bool withParameters = false)
    {
        if (!Ran(part) || Cell(a) is not { } x || Cell(b) is not { } y) return null;
        var (difference, interval, verdict) = Compare(x.Accuracies, y.Accuracies);
        var measured = $"{a} {Format.PercentSummary(x.TestAccuracy)}, {b} {Format.PercentSummary(y.TestAccuracy)}; {Difference(difference, interval)}";
        if (withParameters)
            measured += $"; parameters {Format.Count(x.TotalParameters)} against {Format.Count(y.TotalParameters)} ({(double)x.TotalParameters / y.TotalParameters:P0})";
        return new Claim(part, statement, $"{a} against {b}, {TrainingSet(x)}", measured, verdict);
    }

    Claim? DoesNotMatter(SuitePart part, string statement, string a, string b)
    {
        if (!Ran(part) || Cell(a) is not { } x || Cell(b) is not { } y) return null;
        var (difference, interval, _) = Compare(x.Accuracies, y.Accuracies);
        var verdict = interval is null ? Verdict.NotDistinguishable
            : interval.Low > -EquivalenceMargin && interval.High < EquivalenceMargin ? Verdict.Supported
            : interval.Significant && Math.Abs(difference) >= EquivalenceMargin ? Verdict.Contradicted
            : Verdict.NotDistinguishable;
        return new Claim(part, statement, $"{a} against {b}, {TrainingSet(x)} (no difference: the 95 % interval within ±{100 * EquivalenceMargin:0} pp)",
            $"{a} {Format.PercentSummary(x.TestAccuracy)}, {b} {Format.PercentSummary(y.TestAccuracy)}; {Difference(difference, interval)}", verdict);
    }

    Claim? FewerParameters()
    {
        if (!Ran(SuitePart.Stacking) || Cell("cnn-3x3-2conv") is not { } stacked || Cell("cnn-5x5") is not { } wide) return null;
        var verdict = stacked.TotalParameters < wide.TotalParameters ? Verdict.Supported : Verdict.Contradicted;
        return new Claim(SuitePart.Stacking, "…and two stacked 3×3 convolutions need fewer parameters than one 5×5.", "closed-form counts of cnn-3x3-2conv and cnn-5x5",
            $"parameters {Format.Count(stacked.TotalParameters)} against {Format.Count(wide.TotalParameters)}; multiply-adds per image {Format.Count(stacked.ForwardMultiplyAdds)} against {Format.Count(wide.ForwardMultiplyAdds)} " +
            "(per block, 9·c_in·c + 9·c² against 25·c_in·c: fewer only when c < 16/9·c_in, and here every block doubles its channels)", verdict);
    }

    Claim? TranslationRobustness()
    {
        if (!Ran(SuitePart.Translation) || Cell("cnn-3x3") is not { ShiftedTestAccuracy: not null } cnn || Cell(SuitePlan.Dense) is not { ShiftedTestAccuracy: not null } dense) return null;
        var shift = cnn.ShiftedTestAccuracy.Keys.Where(s => s > 0).OrderBy(s => Math.Abs(s - ComparedShift)).Select(s => (int?)s).FirstOrDefault();
        if (shift is not int s || !cnn.ShiftedTestAccuracy.ContainsKey(0)) return null;
        double[] Retained(SuiteCellResults c) => c.Runs.Select(r => r.ShiftedTestAccuracy![s] / r.ShiftedTestAccuracy[0]).ToArray();
        var (difference, interval, verdict) = Compare(Retained(cnn), Retained(dense));
        var measured = $"share of unshifted accuracy kept at {s} px: cnn-3x3 {Retained(cnn).Average():P1} ({Format.PercentSummary(cnn.ShiftedTestAccuracy[s])}), " +
            $"dense {Retained(dense).Average():P1} ({Format.PercentSummary(dense.ShiftedTestAccuracy[s])}); difference {Points(difference)}{Interval(interval)}";
        return new Claim(SuitePart.Translation, "Weight sharing and pooling make the CNN more robust to translation than the dense network.",
            $"the trained cnn-3x3 and dense models scored on test images shifted by {s} pixels (no retraining)", measured, verdict);
    }

    Claim? SampleEfficiency(bool recalibrated)
    {
        if (!Ran(SuitePart.SampleEfficiency)) return null;
        int smallest = options.SampleSizes.Min(), largest = options.SampleSizes.Max();
        var cnn = cells.FirstOrDefault(c => c.Model == "cnn-3x3" && !c.Permuted && c.TrainImages == smallest);
        var dense = cells.FirstOrDefault(c => c.Model == SuitePlan.Dense && !c.Permuted && c.TrainImages == largest);
        if (cnn is null || dense is null) return null;
        double[] Accuracies(SuiteCellResults c) => recalibrated
            ? c.Runs.Where(r => r.LastEpoch is not null).Select(r => r.LastEpoch!.RecalibratedTestAccuracy).ToArray()
            : c.Accuracies;
        var (a, b) = (Accuracies(cnn), Accuracies(dense));
        if (a.Length == 0 || b.Length == 0) return null;
        var (difference, interval, verdict) = Compare(a, b);
        var statement = recalibrated
            ? "…the same comparison at the last epoch, with the CNN's BatchNorm statistics recomputed over its training images (the dense network has none)."
            : "CNNs are more sample-efficient: the CNN on the fewest images beats the dense network on the most.";
        return new Claim(SuitePart.SampleEfficiency, statement, $"cnn-3x3 on {smallest:N0} images against dense on {largest:N0}",
            $"cnn-3x3 {Format.PercentSummary(SampleSummary.Of(a))}, dense {Format.PercentSummary(SampleSummary.Of(b))}; {Difference(difference, interval)}", verdict);
    }

    Claim? DenseOverfitsMore()
    {
        if (DenseBaselinePart() is not { } part || Cell(SuitePlan.Dense) is not { } dense || Cell("cnn-3x3") is not { } cnn) return null;
        var (difference, interval, verdict) = Compare(dense.Runs.Select(r => r.GeneralisationGap).ToArray(), cnn.Runs.Select(r => r.GeneralisationGap).ToArray());
        return new Claim(part, "The dense network overfits more than the CNN.",
            $"train − validation accuracy (both in inference mode, best weights), {TrainingSet(cnn)}",
            $"gap dense {Points(dense.GeneralisationGap.Mean)} ± {100 * dense.GeneralisationGap.Std:F2}, cnn-3x3 {Points(cnn.GeneralisationGap.Mean)} ± {100 * cnn.GeneralisationGap.Std:F2}; difference {Points(difference)}{Interval(interval)}",
            verdict);
    }

    Claim? CollapseIsStatistics()
    {
        if (!Ran(SuitePart.Collapse) || collapse.RunsExamined == 0) return null;
        var recovered = collapse.Cases.Count(c => c.Recovered);
        var measured = $"{collapse.Cases.Count} of {collapse.RunsExamined} CNN runs end in a collapse (last epoch below {100 * CollapseSummary.CollapsedBelow:0} % test with training accuracy ≥ {100 * CollapseSummary.TrainingAbove:0} %); " +
            $"recomputing the BatchNorm statistics brings {recovered} of them back; over all runs it changes the last epoch's test accuracy by a median {Points(collapse.MedianRecalibrationGain)} (largest {Points(collapse.LargestRecalibrationGain)})";
        var verdict = collapse.Cases.Count == 0 ? Verdict.NotDistinguishable : recovered == collapse.Cases.Count ? Verdict.Supported : Verdict.Contradicted;
        return new Claim(SuitePart.Collapse, "The original's 5×5 collapse (25.76 %) is the BatchNorm moving statistics of a last epoch kept under Keras' default, not the 5×5 kernels.",
            "every CNN run's last epoch (restore_best_weights=False), scored with the moving statistics and again with statistics recomputed over the training images", measured, verdict);
    }

    static (double Difference, WelchInterval? Interval, Verdict Verdict) Compare(double[] a, double[] b)
    {
        var interval = a.Length >= 2 && b.Length >= 2 ? WelchInterval.Compute(a, b) : null;
        var verdict = interval is null ? Verdict.NotDistinguishable : interval.Low > 0 ? Verdict.Supported : interval.High < 0 ? Verdict.Contradicted : Verdict.NotDistinguishable;
        return (a.Average() - b.Average(), interval, verdict);
    }

    static string Difference(double difference, WelchInterval? interval) => $"difference {Points(difference)}{Interval(interval)}";

    static string Interval(WelchInterval? interval) => interval is null ? " (one seed: no interval)" : $" (95 % CI {Points(interval.Low)} to {Points(interval.High)})";

    static string Points(double fraction) => Format.Points(fraction);

    static string TrainingSet(SuiteCellResults cell) => string.Create(C, $"{cell.TrainImages:N0} training images");
}
