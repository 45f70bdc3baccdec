using SkiaSharp;

namespace Cifar10.Scoring;

/// <summary>
/// Whether an image file can be scored, checked the cheap way first: it exists, is not empty, is a
/// format the decoder knows (PNG, JPEG, WebP, GIF, BMP), its header's size is within
/// <see cref="MaxPixels"/>, and its pixel data is complete. Problems are
/// <see cref="ImageDecodeException"/>s whose one-line message names the file.
/// </summary>
public static class ImageCheck
{
    /// <summary>Largest image accepted, in pixels (50 megapixels).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Checks the file at <paramref name="path"/>; returns its encoded bytes.</summary>
    public static byte[] File(string path)
    {
        byte[] bytes;
        try { bytes = System.IO.File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new ImageDecodeException(ImageProblem.Missing, $"{path}: file is missing."); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageDecodeException(ImageProblem.Unreadable, $"{path}: cannot be read ({e.Message})."); }
        Bytes(bytes, path);
        return bytes;
    }

    /// <summary>Checks encoded image bytes; <paramref name="name"/> names them in errors.</summary>
    public static void Bytes(ReadOnlySpan<byte> encoded, string name)
    {
        using var codec = Open(encoded, name, out var data);
        using (data)
        {
            var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var bitmap = new SKBitmap(info);
            Require(codec.GetPixels(info, bitmap.GetPixels()), name);
        }
    }

    /// <summary>Opens a codec on <paramref name="encoded"/> after the header checks (format, size); the caller disposes both.</summary>
    public static SKCodec Open(ReadOnlySpan<byte> encoded, string name, out SKData data)
    {
        if (encoded.IsEmpty) throw new ImageDecodeException(ImageProblem.Empty, $"{name}: file is empty, not an image.");
        data = SKData.CreateCopy(encoded);
        var codec = SKCodec.Create(data);
        if (codec is null)
        {
            data.Dispose();
            throw new ImageDecodeException(ImageProblem.UnsupportedFormat, $"{name}: not a supported image (expected PNG, JPEG, WebP, GIF or BMP).");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        string? problem = width <= 0 || height <= 0 ? $"{name}: image has no pixels ({width}×{height})."
            : (long)width * height > MaxPixels ? $"{name}: image is {width:N0}×{height:N0} = {(long)width * height / 1e6:N0} MP, more than the {MaxPixels / 1_000_000} MP limit."
            : null;
        if (problem is null) return codec;
        codec.Dispose();
        data.Dispose();
        throw new ImageDecodeException(width <= 0 || height <= 0 ? ImageProblem.NoPixels : ImageProblem.TooLarge, problem);
    }

    /// <summary>Throws for a decode that did not finish.</summary>
    public static void Require(SKCodecResult result, string name)
    {
        if (result == SKCodecResult.Success) return;
        throw result == SKCodecResult.IncompleteInput
            ? new ImageDecodeException(ImageProblem.Truncated, $"{name}: image data is truncated.")
            : new ImageDecodeException(ImageProblem.Undecodable, $"{name}: image cannot be decoded ({result}).");
    }
}
