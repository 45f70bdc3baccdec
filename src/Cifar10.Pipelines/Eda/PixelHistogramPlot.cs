using Cifar10.Pipelines.Plots;
using OxyPlot;
using OxyPlot.Annotations;

namespace Cifar10.Pipelines.Eda;

/// <summary><c>pixel-histograms.png</c>: distribution of pixel values (0–255) per colour channel, with mean and std.</summary>
internal static class PixelHistogramPlot
{
    // Each channel in its own colour: the palette's red, green and blue.
    static readonly OxyColor[] ChannelColors = [FigureStyle.SeriesColor(3), FigureStyle.SeriesColor(2), FigureStyle.SeriesColor(0)];

    /// <summary>Writes one line per channel (share of pixels at each value) and a dashed line at each mean.</summary>
    public static void Save(string path, EdaStatistics statistics, int images)
    {
        var plot = FigureStyle.Create($"Pixel values per channel, {images:N0} training images (dashed: mean)", "Pixel value (0–255)", "Share of pixels");
        var values = Enumerable.Range(0, 256).Select(v => (double)v).ToArray();
        for (int c = 0; c < statistics.Channels.Count; c++)
        {
            var channel = statistics.Channels[c];
            var total = (double)channel.Pixels;
            var color = ChannelColors[c % ChannelColors.Length];
            // 256 values: the curve is the reading, not the points (no markers).
            plot.Series.Add(FigureStyle.Line($"{channel.Channel}: mean {channel.Mean:F1}, std {channel.Std:F1}", values, channel.Histogram.Select(h => 100 * h / total), color, markerSize: 0));
            FigureStyle.ReferenceLine(plot, LineAnnotationType.Vertical, channel.Mean, color: color);
        }
        var highest = statistics.Channels.Max(c => c.Histogram.Max() * 100.0 / c.Pixels);
        var x = FigureStyle.XAxis(plot);
        (x.Minimum, x.Maximum) = (-1, 256);
        var y = FigureStyle.YAxis(plot);
        (y.Minimum, y.Maximum) = (0, highest * 1.1);
        FigureStyle.PercentTicks(y);
        FigureStyle.LegendBelow(plot); // inside, it would cover the mean lines or the spikes at 0 and 255
        PngWriter.Save(path, [plot], 1000, 520);
    }
}
