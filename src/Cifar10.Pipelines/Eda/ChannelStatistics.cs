using System.Text.Json.Serialization;

namespace Cifar10.Pipelines.Eda;

/// <summary>One colour channel's pixel values: 256-bin histogram, mean and (population) standard deviation.</summary>
/// <param name="Channel">R, G or B.</param>
/// <param name="Mean">Mean pixel value on the 0–255 scale.</param>
/// <param name="Std">Standard deviation on the 0–255 scale.</param>
/// <param name="Histogram">Pixels with value v at index v.</param>
public sealed record ChannelStatistics(string Channel, double Mean, double Std, IReadOnlyList<long> Histogram)
{
    /// <summary>Mean after the study's scaling to [0, 1] (÷ 255).</summary>
    [JsonPropertyName("meanUnit")] public double MeanUnit => Mean / 255;
    /// <summary>Standard deviation after scaling to [0, 1].</summary>
    [JsonPropertyName("stdUnit")] public double StdUnit => Std / 255;
    /// <summary>Number of pixels counted.</summary>
    public long Pixels => Histogram.Sum();

    /// <summary>Exact mean and standard deviation from a 256-bin histogram of byte values.</summary>
    public static ChannelStatistics FromHistogram(string channel, IReadOnlyList<long> histogram)
    {
        if (histogram.Count != 256) throw new ArgumentException("a byte histogram has 256 bins", nameof(histogram));
        double n = histogram.Sum();
        if (n == 0) throw new ArgumentException("the histogram is empty", nameof(histogram));
        double mean = 0;
        for (int v = 0; v < 256; v++) mean += v * (double)histogram[v];
        mean /= n;
        double variance = 0;
        for (int v = 0; v < 256; v++) variance += (v - mean) * (v - mean) * histogram[v];
        return new ChannelStatistics(channel, mean, Math.Sqrt(variance / n), histogram);
    }
}
