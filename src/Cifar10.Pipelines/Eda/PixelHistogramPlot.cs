using Cifar10.Pipelines.Plots;
using ScottPlot;

namespace Cifar10.Pipelines.Eda;

/// <summary><c>pixel-histograms.png</c>: distribution of pixel values (0–255) per colour channel, with mean and std.</summary>
internal static class PixelHistogramPlot
{
    static readonly Color[] ChannelColors = [Color.FromHex("#D62728"), Color.FromHex("#2CA02C"), Color.FromHex("#1F77B4")];

    /// <summary>Writes one line per channel (share of pixels at each value) and a dashed line at each mean.</summary>
    public static void Save(string path, EdaStatistics statistics, int images)
    {
        var plot = FigureStyle.Create($"Pixel values per channel, {images:N0} training images (dashed: mean)", "Pixel value (0–255)", "Share of pixels (%)");
        var values = Enumerable.Range(0, 256).Select(v => (double)v).ToArray();
        for (int c = 0; c < statistics.Channels.Count; c++)
        {
            var channel = statistics.Channels[c];
            var total = (double)channel.Pixels;
            var line = plot.Add.ScatterLine(values, channel.Histogram.Select(h => 100 * h / total).ToArray());
            line.Color = ChannelColors[c % ChannelColors.Length];
            line.LineWidth = 2.5f;
            line.LegendText = $"{channel.Channel}: mean {channel.Mean:F1}, std {channel.Std:F1}";
            var mean = plot.Add.VerticalLine(channel.Mean);
            mean.Color = line.Color;
            mean.LinePattern = LinePattern.Dashed;
            mean.LineWidth = 1.5f;
        }
        var highest = statistics.Channels.Max(c => c.Histogram.Max() * 100.0 / c.Pixels);
        plot.Axes.SetLimits(-1, 256, 0, highest * 1.1);
        FigureStyle.Legend(plot, Alignment.UpperCenter);
        PngWriter.Save(path, [plot], 1000, 520);
    }
}
