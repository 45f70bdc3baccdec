using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

/// <summary>Checks that a PNG a person would look at exists, decodes, has the expected size and is not blank.</summary>
public static class PngAssert
{
    /// <summary>Decodes <paramref name="path"/>; fails unless its size matches (when given) and it has at least <paramref name="minColours"/> distinct colours.</summary>
    public static SKBitmap Readable(string path, int minColours, int? width = null, int? height = null)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        if (width is int w) Assert.Equal(w, bitmap.Width);
        if (height is int h) Assert.Equal(h, bitmap.Height);
        var colours = Colours(bitmap);
        Assert.True(colours.Count >= minColours, $"{Path.GetFileName(path)} has only {colours.Count} distinct colours (blank?)");
        return bitmap;
    }

    /// <summary>The distinct colours of a bitmap.</summary>
    public static HashSet<SKColor> Colours(SKBitmap bitmap) => [.. bitmap.Pixels];
}
