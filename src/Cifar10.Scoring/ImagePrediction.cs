namespace Cifar10.Scoring;

/// <summary>What the model says about one image.</summary>
/// <param name="Label">The most probable class.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Scores">Every class probability, in label order.</param>
/// <param name="Top">The k most probable classes, most probable first.</param>
public sealed record ImagePrediction(string Label, float Probability, IReadOnlyList<float> Scores, IReadOnlyList<ClassProbability> Top)
{
    /// <summary>Builds a prediction from a probability vector; a NaN or infinite score is a <see cref="ModelOutputException"/>.</summary>
    public static ImagePrediction FromProbabilities(IReadOnlyList<float> probabilities, IReadOnlyList<string> classNames, int topK = 3)
    {
        if (probabilities.Count != classNames.Count)
            throw new ArgumentException($"the model gives {probabilities.Count} probabilities for {classNames.Count} class names");
        // NaN sorts unpredictably and no JSON writer accepts it: a broken model is named as such, not passed on.
        if (probabilities.Any(p => !float.IsFinite(p)))
            throw new ModelOutputException("model produced non-finite scores (NaN or infinity): the model file is broken, e.g. exported from a diverged run.");
        // Ties keep label order, so the result is deterministic.
        var top = Enumerable.Range(0, probabilities.Count)
            .OrderByDescending(i => probabilities[i]).ThenBy(i => i)
            .Take(Math.Clamp(topK, 1, probabilities.Count))
            .Select(i => new ClassProbability(classNames[i], probabilities[i]))
            .ToArray();
        return new ImagePrediction(top[0].Label, top[0].Probability, probabilities.ToArray(), top);
    }
}
