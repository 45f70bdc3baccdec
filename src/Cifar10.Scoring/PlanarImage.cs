using Microsoft.ML.Data;
using SkiaSharp;

namespace Cifar10.Scoring;

/// <summary>Planar RGB bytes (all R, then G, then B, each plane S×S row-major: a CIFAR-10 record's layout) as an image.</summary>
internal static class PlanarImage
{
    /// <summary>An opaque S×S <c>MLImage</c>; a length that is not 3·S² is a one-line error.</summary>
    public static MLImage ToImage(byte[] planar)
    {
        var plane = planar.Length / 3;
        var side = (int)Math.Round(Math.Sqrt(plane));
        if (planar.Length == 0 || 3 * side * side != planar.Length)
            throw new ScoringException($"planar RGB pixels must be 3·S·S bytes for a square image, got {planar.Length:N0}.");
        var rgba = new byte[4 * plane];
        for (int i = 0; i < plane; i++)
        {
            rgba[4 * i] = planar[i];
            rgba[4 * i + 1] = planar[plane + i];
            rgba[4 * i + 2] = planar[2 * plane + i];
            rgba[4 * i + 3] = 255;
        }
        return MLImage.CreateFromPixels(side, side, MLPixelFormat.Rgba32, rgba);
    }

    /// <summary>The image encoded as PNG (for models that read image files).</summary>
    public static byte[] ToPng(MLImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(image.Pixels.ToArray(), 0, bitmap.GetPixels(), image.Width * image.Height * 4);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
