using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cifar10.Pipelines.Evaluation;

/// <summary>
/// Evaluates class probabilities with <c>mlContext.MulticlassClassification.Evaluate</c>.
/// Labels become a key type over the class names in label order, so key k+1 is score index k.
/// </summary>
public sealed class MulticlassEvaluator(MLContext mlContext)
{
    /// <summary>Evaluates probabilities [N × classes] (row-major) against labels.</summary>
    public ClassificationMetrics Evaluate(ReadOnlySpan<float> probabilities, IReadOnlyList<long> labels, IReadOnlyList<string> classNames, int topK = 3)
    {
        int classes = classNames.Count;
        if (probabilities.Length != labels.Count * classes)
            throw new ArgumentException($"expected {labels.Count} × {classes} probabilities, got {probabilities.Length}");
        var rows = new ScoredRow[labels.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var score = probabilities.Slice(i * classes, classes).ToArray();
            rows[i] = new ScoredRow { Label = classNames[(int)labels[i]], Score = score, PredictedLabel = classNames[ArgMax(score)] };
        }
        var schema = SchemaDefinition.Create(typeof(ScoredRow));
        schema[nameof(ScoredRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes);
        return Evaluate(mlContext.Data.LoadFromEnumerable(rows, schema), classNames, topK);
    }

    /// <summary>Evaluates a view with string columns Label and PredictedLabel and a float vector Score.</summary>
    public ClassificationMetrics Evaluate(IDataView scored, IReadOnlyList<string> classNames, int topK = 3)
    {
        var keys = mlContext.Data.LoadFromEnumerable(classNames.Select(n => new KeyName { Name = n }));
        var keyed = mlContext.Transforms.Conversion.MapValueToKey("Label", keyData: keys)
            .Append(mlContext.Transforms.Conversion.MapValueToKey("PredictedLabel", keyData: keys))
            .Fit(scored).Transform(scored);
        var m = mlContext.MulticlassClassification.Evaluate(keyed, "Label", "Score", "PredictedLabel", Math.Min(topK, classNames.Count));
        var counts = m.ConfusionMatrix.Counts;
        return new ClassificationMetrics(
            (int)counts.Sum(r => r.Sum()),
            m.MicroAccuracy, m.MacroAccuracy, m.LogLoss, m.LogLossReduction, Math.Min(topK, classNames.Count), m.TopKAccuracy,
            classNames.ToArray(),
            m.ConfusionMatrix.PerClassPrecision.ToArray(),
            m.ConfusionMatrix.PerClassRecall.ToArray(),
            m.PerClassLogLoss.ToArray(),
            counts.Select(r => (IReadOnlyList<double>)r.ToArray()).ToArray());
    }

    static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    sealed class KeyName { public string Name { get; set; } = ""; }
}
