using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Scoring;
using SkiaSharp;

namespace Cifar10.Pipelines.Scoring;

/// <summary>
/// Turns an encoded image (PNG, JPEG, WebP, GIF, BMP…; any size, grayscale, alpha or CMYK, any
/// EXIF orientation) into a CIFAR-10 record: 32×32 RGB, 3,072 bytes in planar order (1,024 R,
/// then G, then B).
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
        return ToRecord(bitmap, codec.EncodedOrigin);
    }

    /// <summary>
    /// Turns the image upright (EXIF orientation, as phone cameras write it), resizes it to 32×32,
    /// flattens transparency onto white (how a viewer would show it), then writes planar RGB.
    /// An upright, opaque 32×32 image passes through unchanged, pixel for pixel.
    /// </summary>
    static byte[] ToRecord(SKBitmap source, SKEncodedOrigin origin)
    {
        const int side = CifarBinaryReader.Side;
        var upright = UprightTransform(origin, source.Width, source.Height, out var width, out var height);
        using var target = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale((float)side / width, (float)side / height);
            canvas.Concat(in upright);
            // Mipmaps make large downscales average the pixels instead of sampling a few of them.
            var sampling = upright.IsIdentity && source.Width == side && source.Height == side
                ? new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None)
                : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
            canvas.DrawImage(image, 0, 0, sampling);
        }
        var rgba = target.Bytes;
        const int plane = side * side;
        var record = new byte[CifarBinaryReader.PixelCount];
        for (int i = 0; i < plane; i++)
        {
            record[i] = rgba[4 * i];
            record[plane + i] = rgba[4 * i + 1];
            record[2 * plane + i] = rgba[4 * i + 2];
        }
        return record;
    }

    // Maps stored pixel (x, y) of a w×h image to where it is displayed; the displayed size is
    // h×w for the four orientations that turn the image by 90°.
    static SKMatrix UprightTransform(SKEncodedOrigin origin, int w, int h, out int width, out int height)
    {
        var quarterTurn = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        (width, height) = quarterTurn ? (h, w) : (w, h);
        return origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),      // mirrored
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),  // turned 180°
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),    // flipped
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),        // transposed
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),      // turned 90° clockwise
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),  // transverse
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),    // turned 90° counter-clockwise
            _ => SKMatrix.Identity,
        };
    }
}
