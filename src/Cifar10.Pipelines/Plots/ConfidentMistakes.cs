namespace Cifar10.Pipelines.Plots;

/// <summary>Finds the images a model gets wrong with the highest confidence: the most telling errors to look at.</summary>
internal static class ConfidentMistakes
{
    /// <summary>
    /// The at most <paramref name="count"/> misclassified rows of <paramref name="probabilities"/>
    /// (row-major [labels.Count × classes]), most confident first; ties keep test-set order.
    /// </summary>
    public static IReadOnlyList<Mistake> Find(ReadOnlySpan<float> probabilities, IReadOnlyList<long> labels, int classes, int count)
    {
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), "must be positive");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "must not be negative");
        if (probabilities.Length != labels.Count * classes)
            throw new ArgumentException($"expected {labels.Count} × {classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        var mistakes = new List<Mistake>();
        for (int i = 0; i < labels.Count; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            int predicted = 0;
            for (int c = 1; c < classes; c++) if (row[c] > row[predicted]) predicted = c;
            if (predicted != labels[i]) mistakes.Add(new Mistake(i, (int)labels[i], predicted, row[predicted]));
        }
        return mistakes.OrderByDescending(m => m.Confidence).ThenBy(m => m.Index).Take(count).ToArray();
    }
}
