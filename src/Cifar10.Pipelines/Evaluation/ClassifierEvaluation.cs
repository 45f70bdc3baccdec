using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Pipelines.Data;
using Cifar10.Scoring;
using Microsoft.ML;

namespace Cifar10.Pipelines.Evaluation;

/// <summary>
/// ML.NET's multiclass metrics of a trained <see cref="ImageClassifier"/> on labelled images. Labels are
/// matched to the model's classes by name, so a model trained on folders is evaluated on any folder
/// whose class folders it knows, in any order.
/// </summary>
public static class ClassifierEvaluation
{
    /// <summary>Evaluates on in-memory images whose label k is <paramref name="labelNames"/>[k] (e.g. the CIFAR-10 test set).</summary>
    public static ClassificationMetrics Evaluate(this ImageClassifier classifier, LabeledImages images, IReadOnlyList<string> labelNames, int topK = 3)
    {
        var pixels = images.Pixels.data<byte>().ToArray();
        var length = pixels.Length / Math.Max(images.Count, 1);
        var records = Enumerable.Range(0, images.Count).Select(i => pixels.AsSpan(i * length, length).ToArray());
        var labels = images.LabelArray().Select(l => labelNames[(int)l]).ToArray();
        return Score(classifier, classifier.PredictProbabilities(records), labels, topK);
    }

    /// <summary>Evaluates on a folder of class folders (see <see cref="ImageFolder"/>).</summary>
    public static ClassificationMetrics Evaluate(this ImageClassifier classifier, ImageFolder folder, int topK = 3)
    {
        var probabilities = classifier.PredictFiles(folder.Images.Select(i => i.Path).ToArray());
        return Score(classifier, probabilities, folder.Images.Select(i => i.ClassName).ToArray(), topK);
    }

    static ClassificationMetrics Score(ImageClassifier classifier, float[] probabilities, IReadOnlyList<string> labels, int topK)
    {
        var index = classifier.ClassNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => (long)p.i, StringComparer.Ordinal);
        var unknown = labels.Distinct().Where(l => !index.ContainsKey(l)).ToArray();
        if (unknown.Length > 0)
            throw new CifarException($"the images have class{(unknown.Length == 1 ? "" : "es")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} that the model does not know (it knows {string.Join(", ", classifier.ClassNames)}).");
        return new MulticlassEvaluator(new MLContext(seed: 0)).Evaluate(probabilities, labels.Select(l => index[l]).ToArray(), classifier.ClassNames, topK);
    }
}
