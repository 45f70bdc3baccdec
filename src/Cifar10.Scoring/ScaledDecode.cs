using SkiaSharp;

namespace Cifar10.Scoring;

/// <summary>
/// The largest size a codec can decode an image to within a pixel budget. JPEG decodes at 1/8 steps
/// and WebP at any scale without first decoding in full; PNG, GIF and BMP only at their own size.
/// </summary>
internal static class ScaledDecode
{
    /// <summary>The decode size within <paramref name="maxPixels"/>, or null when the codec cannot get there.</summary>
    public static SKSizeI? SizeWithin(SKCodec codec, long maxPixels)
    {
        var full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if (Area(full) <= maxPixels) return full;
        // Start at the scale that would fit exactly; the codec rounds to a size it supports (maybe
        // up), so step down until it fits or the codec stops getting smaller.
        var scale = (float)Math.Sqrt((double)maxPixels / Area(full));
        var previous = full;
        for (int attempt = 0; attempt < 32; attempt++, scale *= 0.9f)
        {
            var size = codec.GetScaledDimensions(scale);
            if (size.Width <= 0 || size.Height <= 0) return null;
            if (Area(size) <= maxPixels) return size;
            if (size == previous && attempt > 0) return null;
            previous = size;
        }
        return null;
    }

    static long Area(SKSizeI size) => (long)size.Width * size.Height;
}
