namespace Cifar10.Pipelines.Eda;

/// <summary>What <c>eda.json</c> holds: class names, image shape, counts per split and class, pixel statistics.</summary>
/// <param name="ClassNames">Class names in label order.</param>
/// <param name="ImageShape">Channels, height, width.</param>
/// <param name="Seed">Seed of the train/validation split counted.</param>
/// <param name="DataDirectory">Where the data was read from.</param>
/// <param name="Splits">official-train (all 50,000 training images), train, validation, test.</param>
/// <param name="Channels">R, G, B statistics over the official training images.</param>
public sealed record EdaStatistics(
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<int> ImageShape,
    int Seed,
    string DataDirectory,
    IReadOnlyList<SplitCounts> Splits,
    IReadOnlyList<ChannelStatistics> Channels)
{
    /// <summary>Split names in <see cref="Splits"/>.</summary>
    public const string OfficialTrain = "official-train", Train = "train", Validation = "validation", Test = "test";

    /// <summary>The counts of one split by name.</summary>
    public SplitCounts Split(string name) => Splits.Single(s => s.Split == name);
}
