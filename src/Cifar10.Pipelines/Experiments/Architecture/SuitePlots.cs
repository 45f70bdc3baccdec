using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>The suite's figures, each written only when the parts it shows ran.</summary>
internal static class SuitePlots
{
    public const string Kernels = "accuracy-by-kernel.png", Parameters = "accuracy-by-parameters.png", Shift = "accuracy-by-shift.png",
        TrainingSize = "accuracy-by-training-size.png", Locality = "locality.png";

    /// <summary>Writes the figures into <paramref name="directory"/>; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string directory, ArchitectureSuiteResults results)
    {
        var written = new List<string>();
        void Save(string file, OxyPlot.PlotModel? plot, int width = 900, int height = 600)
        {
            if (plot is null) return;
            PngWriter.Save(Path.Combine(directory, file), [plot], width, height);
            written.Add(file);
        }
        Save(Kernels, KernelPlot(results));
        Save(Parameters, ParameterPlot(results));
        Save(Shift, ShiftPlot(results));
        Save(TrainingSize, TrainingSizePlot(results));
        Save(Locality, LocalityPlot(results), 700, 500);
        return written;
    }

    static MeanPoint Point(double x, Statistics.SampleSummary accuracy, string? label = null) => new(x, 100 * accuracy.Mean, 100 * accuracy.Std, label);

    static OxyPlot.PlotModel? KernelPlot(ArchitectureSuiteResults results)
    {
        var cells = new[] { 1, 3, 5, 7 }.Select(k => (Kernel: k, Cell: results.Cell($"cnn-{k}x{k}"))).Where(c => c.Cell is not null).ToArray();
        if (cells.Length < 2) return null;
        var series = new List<MeanSeries> { new("best epoch's weights (the study's protocol)", cells.Select(c => Point(c.Kernel, c.Cell!.TestAccuracy)).ToArray()) };
        if (cells.All(c => c.Cell!.LastEpochTestAccuracy is not null))
        {
            series.Add(new("last epoch's weights (Keras' default)", cells.Select(c => Point(c.Kernel, c.Cell!.LastEpochTestAccuracy!)).ToArray(), XOffset: 0.1));
            series.Add(new("last epoch, BatchNorm statistics recomputed", cells.Select(c => Point(c.Kernel, c.Cell!.RecalibratedLastEpochTestAccuracy!)).ToArray(), XOffset: 0.2));
        }
        return ErrorBarChart.Create($"Test accuracy by kernel size ({Seeds(results)})", "Kernel size", "Test accuracy", series,
            xTicks: cells.Select(c => (double)c.Kernel).ToArray(), xFormat: v => $"{v:0}×{v:0}");
    }

    static OxyPlot.PlotModel? ParameterPlot(ArchitectureSuiteResults results)
    {
        var cells = results.Cells.Where(c => !c.Permuted && c.TrainImages == results.Setup.TrainImages).ToArray();
        if (cells.Length < 2) return null;
        MeanSeries Of(string name, IEnumerable<SuiteCellResults> group) =>
            new(name, group.Select(c => Point(c.TotalParameters, c.TestAccuracy, c.Model)).ToArray(), Joined: false);
        var series = new List<MeanSeries> { Of("CNN variants", cells.Where(c => c.Model != SuitePlan.Dense)) };
        if (cells.Any(c => c.Model == SuitePlan.Dense)) series.Add(Of("dense", cells.Where(c => c.Model == SuitePlan.Dense)));
        return ErrorBarChart.Create($"Test accuracy by parameters ({Seeds(results)})", "Parameters (log scale)", "Test accuracy", series,
            logarithmicX: true, xFormat: v => v >= 999_999 ? $"{v / 1e6:0.#}M" : $"{v / 1e3:0}k");
    }

    static OxyPlot.PlotModel? ShiftPlot(ArchitectureSuiteResults results)
    {
        var cells = results.Cells.Where(c => c.ShiftedTestAccuracy is not null).ToArray();
        if (cells.Length == 0) return null;
        var series = cells.Select(c => new MeanSeries(c.Model, c.ShiftedTestAccuracy!.Select(kv => Point(kv.Key, kv.Value)).ToArray())).ToArray();
        return ErrorBarChart.Create($"Test accuracy on shifted images ({Seeds(results)})", "Shift (pixels, black border)", "Test accuracy", series,
            xTicks: results.Setup.Shifts.Select(s => (double)s).ToArray(), xFormat: v => $"{v:0}");
    }

    static OxyPlot.PlotModel? TrainingSizePlot(ArchitectureSuiteResults results)
    {
        if (!results.Setup.Parts.Contains(SuiteParts.Name(SuitePart.SampleEfficiency))) return null;
        IReadOnlyList<SuiteCellResults> CellsOf(string model) => results.Setup.SampleSizes.Select(size => results.Cell(model, size)).OfType<SuiteCellResults>().ToArray();
        var series = new[] { SuitePlan.Dense, SuiteCell.ReferenceModel }
            .Select(model => new MeanSeries(model, CellsOf(model).Select(c => Point(c.TrainImages, c.TestAccuracy)).ToArray())).ToList();
        var recalibrated = CellsOf(SuiteCell.ReferenceModel).Where(c => c.RecalibratedLastEpochTestAccuracy is not null).ToArray();
        if (recalibrated.Length > 0)
            series.Add(new($"{SuiteCell.ReferenceModel}, last epoch with BatchNorm statistics recomputed", recalibrated.Select(c => Point(c.TrainImages, c.RecalibratedLastEpochTestAccuracy!)).ToArray()));
        series.RemoveAll(s => s.Points.Count == 0);
        if (series.Count == 0) return null;
        return ErrorBarChart.Create($"Test accuracy by training-set size ({Seeds(results)})", "Training images (log scale)", "Test accuracy", series,
            logarithmicX: true, xFormat: v => $"{v / 1000:0.#}k");
    }

    static OxyPlot.PlotModel? LocalityPlot(ArchitectureSuiteResults results)
    {
        var models = new[] { SuitePlan.Dense, SuiteCell.ReferenceModel };
        var original = models.Select(m => results.Cell(m)).ToArray();
        var permuted = models.Select(m => results.Cell(m, permuted: true)).ToArray();
        if (original.Concat(permuted).Any(c => c is null)) return null;
        return GroupedBarChart.Create($"Pixel positions permuted ({Seeds(results)})", "Model", "Test accuracy (%)", models,
            [("original images", original.Select(c => 100 * c!.TestAccuracy.Mean).ToArray()), ("pixels permuted (one fixed permutation)", permuted.Select(c => 100 * c!.TestAccuracy.Mean).ToArray())], "0.0");
    }

    static string Seeds(ArchitectureSuiteResults results) => results.Setup.Seeds.Count == 1 ? "1 seed" : $"mean ± std over {results.Setup.Seeds.Count} seeds";
}
