using Cifar10.Core.Runs;
using ScottPlot;
using SkiaSharp;

namespace Cifar10.Pipelines.Plots;

/// <summary>Saves one or more ScottPlot plots as a single PNG (side by side), atomically.</summary>
internal static class PngWriter
{
    /// <summary>Width and height of one panel in pixels.</summary>
    public const int PanelWidth = 640, PanelHeight = 440;

    /// <summary>Renders the plots in a row (each <paramref name="panelWidth"/> × <paramref name="panelHeight"/>) into <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<Plot> plots, int panelWidth = PanelWidth, int panelHeight = PanelHeight)
    {
        using var surface = SKSurface.Create(new SKImageInfo(panelWidth * plots.Count, panelHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        for (int i = 0; i < plots.Count; i++)
        {
            // A legend outside the axes gets the room its previous render used (ScottPlot's LegendPanel
            // measures LastRenderSize), and that render was clipped to the room it had: two layout
            // passes let a long legend grow to its full size (with one, the last rows were cut off).
            if (plots[i].Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any())
                for (int pass = 0; pass < 2; pass++) plots[i].GetImageBytes(panelWidth, panelHeight, ImageFormat.Png);
            // Each plot renders into its own image: a plot's Render clears the whole canvas it is given.
            using var panel = SKBitmap.Decode(plots[i].GetImageBytes(panelWidth, panelHeight, ImageFormat.Png));
            canvas.DrawBitmap(panel, i * panelWidth, 0);
        }
        SaveSurface(path, surface);
    }

    /// <summary>Encodes a Skia surface as PNG into <paramref name="path"/> atomically.</summary>
    public static void SaveSurface(string path, SKSurface surface)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, data.ToArray());
    }
}
