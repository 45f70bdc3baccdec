using Cifar10.Core;
using Cifar10.Core.Data;
using SkiaSharp;

namespace Cifar10.Pipelines.Scoring;

/// <summary>
/// Turns an encoded image (PNG, JPEG, WebP, GIF, BMP…; any size, grayscale, alpha or CMYK) into
/// a CIFAR-10 record: 32×32 RGB, 3,072 bytes in planar order (1,024 R, then G, then B).
/// Decoding uses SkiaSharp, which the project already ships with Linux native assets that need no
/// system libraries; its codec reads the header first, so absurd sizes are refused before any
/// pixel memory is allocated.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Largest image accepted, in pixels (50 megapixels).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Reads and decodes a file; problems are one-line <see cref="CifarException"/>s naming it.</summary>
    public static byte[] DecodeFile(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new ImageDecodeException(ImageProblem.Missing, $"{path}: file is missing."); }
        catch (DirectoryNotFoundException) { throw new ImageDecodeException(ImageProblem.Missing, $"{path}: file is missing."); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageDecodeException(ImageProblem.Unreadable, $"{path}: cannot be read ({e.Message})."); }
        return Decode(bytes, path);
    }

    /// <summary>Decodes encoded image bytes; <paramref name="name"/> names the source in error messages.</summary>
    public static byte[] Decode(ReadOnlySpan<byte> encoded, string name)
    {
        if (encoded.IsEmpty) throw new ImageDecodeException(ImageProblem.Empty, $"{name}: file is empty, not an image.");
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException(ImageProblem.UnsupportedFormat, $"{name}: not a supported image (expected PNG, JPEG, WebP, GIF or BMP).");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
            throw new ImageDecodeException(ImageProblem.NoPixels, $"{name}: image has no pixels ({info.Width}×{info.Height}).");
        if ((long)info.Width * info.Height > MaxPixels)
            throw new ImageDecodeException(ImageProblem.TooLarge, $"{name}: image is {info.Width:N0}×{info.Height:N0} = {(long)info.Width * info.Height / 1e6:N0} MP, more than the {MaxPixels / 1_000_000} MP limit.");

        // Decode straight to 8-bit RGBA: Skia converts grayscale, palette and CMYK JPEGs to RGB here.
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            throw result == SKCodecResult.IncompleteInput
                ? new ImageDecodeException(ImageProblem.Truncated, $"{name}: image data is truncated.")
                : new ImageDecodeException(ImageProblem.Undecodable, $"{name}: image cannot be decoded ({result}).");
        return ToRecord(bitmap);
    }

    /// <summary>
    /// Resizes to 32×32 and flattens transparency onto white (how a viewer would show it), then
    /// writes planar RGB. A 32×32 opaque image passes through unchanged, pixel for pixel.
    /// </summary>
    static byte[] ToRecord(SKBitmap source)
    {
        const int side = CifarImages.Side;
        using var target = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            // Mipmaps make large downscales average the pixels instead of sampling a few of them.
            var sampling = source.Width == side && source.Height == side
                ? new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None)
                : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
            canvas.DrawImage(image, new SKRect(0, 0, side, side), sampling);
        }
        var rgba = target.Bytes;
        const int plane = side * side;
        var record = new byte[CifarImages.PixelCount];
        for (int i = 0; i < plane; i++)
        {
            record[i] = rgba[4 * i];
            record[plane + i] = rgba[4 * i + 1];
            record[2 * plane + i] = rgba[4 * i + 2];
        }
        return record;
    }
}
