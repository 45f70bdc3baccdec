namespace Cifar10.Pipelines.Eda;

/// <summary>Images of one split, in total and per class name (in label order).</summary>
public sealed record SplitCounts(string Split, int Total, IReadOnlyDictionary<string, int> PerClass)
{
    /// <summary>Counts from per-label counts.</summary>
    public static SplitCounts From(string split, IReadOnlyList<int> perLabel, IReadOnlyList<string> classNames) =>
        new(split, perLabel.Sum(), classNames.Select((name, label) => (name, count: perLabel[label])).ToDictionary(p => p.name, p => p.count));
}
