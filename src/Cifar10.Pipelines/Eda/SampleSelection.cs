namespace Cifar10.Pipelines.Eda;

/// <summary>Picks example images per class, reproducibly: the same seed always shows the same images.</summary>
internal static class SampleSelection
{
    /// <summary>For each class (label order), <paramref name="perClass"/> image indices drawn at random with <paramref name="seed"/>, in ascending order.</summary>
    public static IReadOnlyList<IReadOnlyList<long>> Pick(IReadOnlyList<long> labels, int classes, int perClass, int seed)
    {
        if (perClass <= 0) throw new ArgumentOutOfRangeException(nameof(perClass), "must be positive");
        var random = new Random(seed);
        var picked = new List<IReadOnlyList<long>>();
        for (int c = 0; c < classes; c++)
        {
            var ofClass = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).Select(i => (long)i).ToArray();
            random.Shuffle(ofClass);
            picked.Add(ofClass.Take(perClass).Order().ToArray());
        }
        return picked;
    }
}
