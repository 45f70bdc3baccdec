using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;

namespace Cifar10.Pipelines.Eda;

/// <summary>The whole EDA: statistics, three figures and <c>eda.json</c> in one folder.</summary>
public static class EdaRun
{
    /// <summary>File names written into the output folder.</summary>
    public const string ClassDistribution = "class-distribution.png", Samples = "samples.png", PixelHistograms = "pixel-histograms.png", Json = "eda.json";

    /// <summary>Computes the statistics and writes every file (each atomically) into <paramref name="outputDirectory"/>.</summary>
    public static EdaStatistics Execute(ImageDataset data, string outputDirectory, int seed)
    {
        AtomicFile.EnsureDirectory(outputDirectory);
        var statistics = EdaAnalysis.Compute(data, seed);
        string At(string name) => Path.Combine(outputDirectory, name);
        ClassDistributionPlot.Save(At(ClassDistribution), statistics);
        SampleGridPlot.Save(At(Samples), data.Train, data.ClassNames, seed);
        PixelHistogramPlot.Save(At(PixelHistograms), statistics, data.Train.Count);
        AtomicFile.WriteAllText(At(Json), JsonSerializer.Serialize(statistics, RunFolder.Json));
        return statistics;
    }
}
