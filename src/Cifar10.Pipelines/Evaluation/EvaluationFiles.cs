using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Evaluation;

/// <summary>What an evaluation writes: <c>evaluation.json</c> (the model and its metrics) and <c>confusion-matrix.png</c>.</summary>
public static class EvaluationFiles
{
    /// <summary>File names in the output folder.</summary>
    public const string Json = "evaluation.json", ConfusionMatrix = "confusion-matrix.png";

    /// <summary>Writes both files into <paramref name="directory"/>; <paramref name="title"/> names the model on the figure.</summary>
    public static void Write(string directory, string modelPath, string title, ClassificationMetrics metrics)
    {
        AtomicFile.EnsureDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, Json), JsonSerializer.Serialize(new { model = Path.GetFullPath(modelPath), metrics }, RunFolder.Json));
        ConfusionMatrixPlot.Save(Path.Combine(directory, ConfusionMatrix), title, metrics);
    }
}
