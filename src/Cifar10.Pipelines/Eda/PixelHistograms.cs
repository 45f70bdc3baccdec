using Cifar10.Core.Data;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Eda;

/// <summary>Counts pixel values per channel over a whole uint8 [N,3,32,32] image tensor.</summary>
internal static class PixelHistograms
{
    /// <summary>Channel names in CIFAR-10's planar order.</summary>
    public static readonly IReadOnlyList<string> Channels = ["R", "G", "B"];

    /// <summary>Per-channel statistics of every pixel in <paramref name="pixels"/>.</summary>
    public static IReadOnlyList<ChannelStatistics> Compute(Tensor pixels)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.ndim != 4 || pixels.shape[1] != CifarBinaryReader.Channels)
            throw new ArgumentException($"pixels must be uint8 [N,3,H,W], got {pixels.dtype} [{string.Join(",", pixels.shape)}]", nameof(pixels));
        using var contiguous = pixels.cpu().contiguous();
        var bytes = contiguous.bytes;
        var plane = (int)(pixels.shape[2] * pixels.shape[3]);
        var histograms = new long[CifarBinaryReader.Channels][];
        for (int c = 0; c < histograms.Length; c++) histograms[c] = new long[256];
        // One pass over the raw bytes: a 256-bin count is exact and far cheaper than a float copy of 150 M values.
        for (long image = 0; image < pixels.shape[0]; image++)
            for (int c = 0; c < CifarBinaryReader.Channels; c++)
            {
                var counts = histograms[c];
                foreach (var value in bytes.Slice((int)((image * CifarBinaryReader.Channels + c) * plane), plane)) counts[value]++;
            }
        return histograms.Select((h, c) => ChannelStatistics.FromHistogram(Channels[c], h)).ToArray();
    }
}
