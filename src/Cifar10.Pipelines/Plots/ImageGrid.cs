using Cifar10.Core.Data;
using SkiaSharp;

namespace Cifar10.Pipelines.Plots;

/// <summary>
/// Draws captioned CIFAR-10 images in a grid with SkiaSharp (sample grid, confident mistakes).
/// Cells are as wide as the longest caption so captions never overlap their neighbours.
/// </summary>
internal static class ImageGrid
{
    const float TitleSize = 24, LabelSize = 17, CaptionSize = 15;
    const int Margin = 18, Gap = 12;

    /// <summary>Renders the tiles row by row and writes the PNG atomically.</summary>
    public static void Save(string path, IReadOnlyList<ImageTile> tiles, ImageGridLayout layout)
    {
        if (layout.Columns <= 0 || layout.Scale <= 0) throw new ArgumentOutOfRangeException(nameof(layout), "columns and scale must be positive");
        // SkiaSharp 2.88 measures and aligns text through the paint (SKFont has no string overloads there).
        using var titlePaint = TextPaint(TitleSize, bold: true, SKTextAlign.Center);
        using var labelPaint = TextPaint(LabelSize, bold: true, SKTextAlign.Right);
        using var captionPaint = TextPaint(CaptionSize, bold: false, SKTextAlign.Center);
        var side = CifarBinaryReader.Side * layout.Scale;
        var lineHeight = CaptionSize * 1.3f;
        var captionLines = tiles.Count == 0 ? 0 : tiles.Max(t => t.Caption.Count);
        var captionWidth = tiles.SelectMany(t => t.Caption).Select(c => captionPaint.MeasureText(c)).DefaultIfEmpty(0).Max();
        var cellWidth = (int)Math.Ceiling(Math.Max(side, captionWidth)) + Gap;
        var cellHeight = side + (int)Math.Ceiling(captionLines * lineHeight) + Gap;
        var labelWidth = layout.RowLabels is { Count: > 0 } labels ? (int)Math.Ceiling(labels.Max(l => labelPaint.MeasureText(l))) + Gap : 0;
        var rows = Math.Max(1, (tiles.Count + layout.Columns - 1) / layout.Columns);
        var titleHeight = (int)(TitleSize * 2.2f);
        var gridWidth = labelWidth + layout.Columns * cellWidth;
        var width = Math.Max(2 * Margin + gridWidth, 2 * Margin + (int)Math.Ceiling(titlePaint.MeasureText(layout.Title)));
        var left = (width - (gridWidth - Gap)) / 2; // centred (the last column's gap is not drawn), also under a wider title
        var height = Margin + titleHeight + rows * cellHeight + Margin;

        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.DrawText(layout.Title, width / 2f, Margin + TitleSize, titlePaint);
        var top = Margin + titleHeight;
        if (tiles.Count == 0)
        {
            labelPaint.TextAlign = SKTextAlign.Center;
            canvas.DrawText(layout.EmptyMessage, width / 2f, top + cellHeight / 2f, labelPaint);
        }
        for (int r = 0; r < rows && layout.RowLabels is not null && r < layout.RowLabels.Count; r++)
            canvas.DrawText(layout.RowLabels[r], left + labelWidth - Gap, top + r * cellHeight + side / 2f + LabelSize / 3f, labelPaint);
        // Nearest-neighbour upscaling: every CIFAR pixel stays a sharp block of its own colour.
        using var pixelated = new SKPaint { FilterQuality = SKFilterQuality.None };
        for (int i = 0; i < tiles.Count; i++)
        {
            var x = left + labelWidth + (i % layout.Columns) * cellWidth;
            var y = top + (i / layout.Columns) * cellHeight;
            var centre = x + (cellWidth - Gap) / 2f;
            using (var image = ToImage(tiles[i].Pixels))
                canvas.DrawImage(image, SKRect.Create(centre - side / 2f, y, side, side), pixelated);
            for (int line = 0; line < tiles[i].Caption.Count; line++)
            {
                captionPaint.Color = CaptionColor(layout, line);
                canvas.DrawText(tiles[i].Caption[line], centre, y + side + lineHeight * (line + 1) - 3, captionPaint);
            }
        }
        PngWriter.SaveSurface(path, surface);
    }

    static SKColor CaptionColor(ImageGridLayout layout, int line) => layout.CaptionColors is { Count: > 0 } colors
        ? colors[Math.Min(line, colors.Count - 1)]
        : SKColors.Black;

    // The charts' typeface, so grids and charts look alike.
    static SKPaint TextPaint(float size, bool bold, SKTextAlign align) => new()
    {
        Typeface = SKTypeface.FromFamilyName(FigureStyle.FontFamily, bold ? SKFontStyle.Bold : SKFontStyle.Normal),
        TextSize = size,
        TextAlign = align,
        Color = SKColors.Black,
        IsAntialias = true,
    };

    // CIFAR-10 stores each image planar (all R, then G, then B); Skia wants interleaved RGBA.
    static SKImage ToImage(byte[] planar)
    {
        const int plane = CifarBinaryReader.Side * CifarBinaryReader.Side;
        if (planar.Length != CifarBinaryReader.PixelCount) throw new ArgumentException($"an image has {CifarBinaryReader.PixelCount} bytes, got {planar.Length}");
        var rgba = new byte[plane * 4];
        for (int p = 0; p < plane; p++)
        {
            rgba[4 * p] = planar[p];
            rgba[4 * p + 1] = planar[plane + p];
            rgba[4 * p + 2] = planar[2 * plane + p];
            rgba[4 * p + 3] = 255;
        }
        var info = new SKImageInfo(CifarBinaryReader.Side, CifarBinaryReader.Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return SKImage.FromPixelCopy(info, rgba, info.RowBytes);
    }
}
