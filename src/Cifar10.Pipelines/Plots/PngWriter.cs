using Cifar10.Core.Runs;
using OxyPlot;
using OxyPlot.SkiaSharp;
using SkiaSharp;

namespace Cifar10.Pipelines.Plots;

/// <summary>Saves one or more OxyPlot plots as a single PNG (side by side), atomically.</summary>
internal static class PngWriter
{
    /// <summary>Width and height of one panel in pixels.</summary>
    public const int PanelWidth = 640, PanelHeight = 440;

    /// <summary>Renders the plots in a row (each <paramref name="panelWidth"/> × <paramref name="panelHeight"/>) into <paramref name="path"/>.</summary>
    public static void Save(string path, IReadOnlyList<PlotModel> plots, int panelWidth = PanelWidth, int panelHeight = PanelHeight)
    {
        using var surface = SKSurface.Create(new SKImageInfo(panelWidth * plots.Count, panelHeight));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        // One Skia context draws every panel onto the same canvas (OxyPlot's PngExporter would encode
        // each panel to its own PNG first). Text shaping (HarfBuzz) gives kerned text, as PngExporter does.
        using var context = new SkiaRenderContext { RenderTarget = RenderTarget.PixelGraphic, SkCanvas = canvas, UseTextShaping = true };
        for (int i = 0; i < plots.Count; i++)
        {
            IPlotModel plot = plots[i];
            canvas.Save();
            canvas.Translate(i * panelWidth, 0);
            canvas.ClipRect(SKRect.Create(panelWidth, panelHeight)); // a long title or label must not spill into the next panel
            plot.Update(true);
            plot.Render(context, new OxyRect(0, 0, panelWidth, panelHeight));
            canvas.Restore();
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
