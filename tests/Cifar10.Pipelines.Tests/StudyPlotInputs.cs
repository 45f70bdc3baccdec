using Cifar10.Core.Data;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Evaluation;
using Microsoft.ML;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// Inputs for the study plots without training: simulated class probabilities evaluated by the
/// real ML.NET evaluator, and plausible training histories.
/// </summary>
public static class StudyPlotInputs
{
    // Pairs a CNN typically mixes up (cat↔dog, automobile↔truck, …): makes the confusion matrix look like a real one.
    static readonly int[] Confusable = [8, 9, 0, 5, 7, 3, 4, 4, 0, 1];

    /// <summary>
    /// Probabilities [labels × 10] of a simulated model right about <paramref name="accuracy"/> of the time.
    /// <paramref name="neverPredicted"/>, when given, is a class the model never predicts.
    /// </summary>
    public static float[] Probabilities(IReadOnlyList<long> labels, double accuracy, int seed, int? neverPredicted = null)
    {
        var random = new Random(seed);
        var probabilities = new float[labels.Count * CifarClasses.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            var label = (int)labels[i];
            var predicted = random.NextDouble() < accuracy ? label : random.NextDouble() < 0.6 ? Confusable[label] : random.Next(CifarClasses.Count);
            if (predicted == neverPredicted) predicted = (predicted + 1) % CifarClasses.Count;
            var confidence = 0.35 + 0.64 * random.NextDouble();
            var row = probabilities.AsSpan(i * CifarClasses.Count, CifarClasses.Count);
            for (int c = 0; c < row.Length; c++) row[c] = (float)((1 - confidence) / (CifarClasses.Count - 1));
            row[predicted] = (float)confidence;
        }
        return probabilities;
    }

    /// <summary>ML.NET metrics of <paramref name="probabilities"/>.</summary>
    public static ClassificationMetrics Metrics(float[] probabilities, IReadOnlyList<long> labels) =>
        new MulticlassEvaluator(new MLContext(0)).Evaluate(probabilities, labels, CifarClasses.Names);

    /// <summary>A history rising towards <paramref name="finalAccuracy"/> over <paramref name="epochs"/> epochs.</summary>
    public static TrainingHistory History(int epochs, double finalAccuracy, int seed)
    {
        var random = new Random(seed);
        var records = Enumerable.Range(1, epochs).Select(e =>
        {
            var progress = 1 - Math.Exp(-0.45 * e);
            var validation = 0.1 + (finalAccuracy - 0.1) * progress + 0.01 * random.NextDouble();
            return new EpochRecord(e, 2.3 * (1 - progress) + 0.4, validation + 0.05, 2.3 - 1.6 * progress + 0.03 * random.NextDouble(), validation, 1e-3, 30);
        }).ToArray();
        var best = records.MaxBy(r => r.ValidationAccuracy)!.Epoch;
        return new TrainingHistory(records, best, StoppedEarly: false, TotalSeconds: 30.0 * epochs);
    }
}
