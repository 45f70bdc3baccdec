using Cifar10.Core.Data;

namespace Cifar10.Pipelines.Eda;

/// <summary>Computes the EDA numbers: class balance of each split and per-channel pixel statistics.</summary>
internal static class EdaAnalysis
{
    /// <summary>Counts the split made with <paramref name="seed"/> (as training does) and measures the training pixels.</summary>
    public static EdaStatistics Compute(ImageDataset data, int seed)
    {
        using var split = DataSplit.Create(data, seed);
        var names = data.ClassNames;
        SplitCounts[] splits =
        [
            SplitCounts.From(EdaStatistics.OfficialTrain, data.Train.ClassCounts(names.Count), names),
            SplitCounts.From(EdaStatistics.Train, split.Train.ClassCounts(names.Count), names),
            SplitCounts.From(EdaStatistics.Validation, split.Validation.ClassCounts(names.Count), names),
            SplitCounts.From(EdaStatistics.Test, split.Test.ClassCounts(names.Count), names),
        ];
        // Statistics over all 50,000 training images: the figures the study (and the literature) quotes.
        var channels = PixelHistograms.Compute(data.Train.Pixels);
        return new EdaStatistics(names, [CifarBinaryReader.Channels, CifarBinaryReader.Side, CifarBinaryReader.Side], seed, data.Directory, splits, channels);
    }
}
