using Cifar10.Core.Data;
using Cifar10.Pipelines.Plots;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments;

/// <summary>The experiment's figures: accuracy and per-class recall over all seeds; learning curves, confusion matrices and mistakes from each model's first seed.</summary>
internal static class ExperimentPlots
{
    /// <summary>File names the report links to.</summary>
    public const string Comparison = "comparison-curves.png", Accuracy = "accuracy-comparison.png", PerClass = "per-class-accuracy.png";

    /// <summary>Learning curves of one model (copied from its first seed's run folder).</summary>
    public static string LearningCurves(string model) => $"learning-curves-{model}.png";
    /// <summary>Confusion-matrix heatmap of one model.</summary>
    public static string Confusion(string model) => $"confusion-{model}.png";
    /// <summary>Most confident mistakes of one model.</summary>
    public static string Mistakes(string model) => $"mistakes-{model}.png";

    /// <summary>Writes every figure into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ExperimentResults results, IReadOnlyDictionary<string, TrainingRunOutcome> firstSeed, LabeledImages test, IReadOnlyList<string> classNames)
    {
        string At(string name) => Path.Combine(directory, name);
        ComparisonCurvesPlot.Save(At(Comparison), firstSeed.Select(o => (o.Key, o.Value.History)).ToArray());
        AccuracyComparisonPlot.Save(At(Accuracy), results.Models
            .Select(m => (m.Model, m.TestAccuracy.Mean, m.TestAccuracy.Std, (IReadOnlyList<double>)m.Seeds.Select(s => s.Results.TestAccuracy).ToArray())).ToArray());
        PerClassAccuracyPlot.Save(At(PerClass), classNames, results.Models.Select(m => (m.Model, m.PerClassRecall)).ToArray(), results.Models.Max(m => m.Seeds.Count));
        foreach (var (model, outcome) in firstSeed)
        {
            Core.Runs.AtomicFile.Write(At(LearningCurves(model)), temp => File.Copy(Path.Combine(outcome.Directory, "learning-curves.png"), temp));
            ConfusionMatrixPlot.Save(At(Confusion(model)), model, outcome.Results.TestMetrics);
            MistakesPlot.Save(At(Mistakes(model)), model, test.Pixels, outcome.TestProbabilities, outcome.TestLabels, classNames);
        }
    }
}
