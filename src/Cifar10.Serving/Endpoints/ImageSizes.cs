using Cifar10.Scoring;

namespace Cifar10.Serving;

/// <summary>The per-image decode cap in words, for the OpenAPI descriptions.</summary>
internal static class ImageSizes
{
    public static string PerImage { get; } =
        $"{ImageCheck.MaxPixels / 1e6:N1} megapixels (4096×4096; larger JPEG and WebP images are decoded scaled down, other formats refused)";
}
