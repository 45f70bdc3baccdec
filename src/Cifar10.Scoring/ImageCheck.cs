using SkiaSharp;

namespace Cifar10.Scoring;

/// <summary>
/// Whether an image file can be scored, checked the cheap way first: it is a file within
/// <see cref="MaxFileBytes"/>, not empty, a format the decoder knows (PNG, JPEG, WebP, GIF, BMP),
/// its header's size decodes to at most <see cref="MaxPixels"/> (JPEG and WebP by scaled decoding,
/// other formats only when they are that small), and its pixel data is complete. Problems are
/// <see cref="ImageDecodeException"/>s whose one-line message names the file.
/// </summary>
public static class ImageCheck
{
    /// <summary>Most pixels one image is decoded to (4096×4096, 64 MB as RGBA): a small header can declare far more.</summary>
    public const long MaxPixels = 4096L * 4096;

    /// <summary>Largest image file read (100 MB): a device such as <c>/dev/zero</c> would otherwise be read until memory runs out.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>Checks the file at <paramref name="path"/>; returns its encoded bytes.</summary>
    public static byte[] File(string path)
    {
        var bytes = Read(path);
        Bytes(bytes, path);
        return bytes;
    }

    /// <summary>Reads the file at <paramref name="path"/>, at most <see cref="MaxFileBytes"/>, without checking its content.</summary>
    public static byte[] Read(string path)
    {
        if (Directory.Exists(path)) throw new ImageDecodeException(ImageProblem.Unreadable, $"{path}: is a directory, not an image file.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return BoundedFileRead.ReadAll(stream, MaxFileBytes)
                ?? throw new ImageDecodeException(ImageProblem.TooLarge, $"{path}: file is larger than the {MaxFileBytes >> 20} MB limit.");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new ImageDecodeException(ImageProblem.Missing, $"{path}: file is missing."); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageDecodeException(ImageProblem.Unreadable, $"{path}: cannot be read ({e.Message})."); }
    }

    /// <summary>Checks encoded image bytes by decoding them at their decode size; <paramref name="name"/> names them in errors.</summary>
    public static void Bytes(ReadOnlySpan<byte> encoded, string name)
    {
        using var codec = Open(encoded, name, out var data);
        using (data)
        using (var bitmap = DecodeBitmap(codec, name)) { }
    }

    /// <summary>Reads the header only: the image's size and the size it will be decoded at.</summary>
    public static ImageHeader Header(ReadOnlySpan<byte> encoded, string name)
    {
        using var codec = Open(encoded, name, out var data);
        using (data)
        {
            var size = DecodeSize(codec);
            return new ImageHeader(codec.Info.Width, codec.Info.Height, size.Width, size.Height);
        }
    }

    /// <summary>Opens a codec on <paramref name="encoded"/> after the header checks (format, size); the caller disposes both.</summary>
    public static SKCodec Open(ReadOnlySpan<byte> encoded, string name, out SKData data)
    {
        if (encoded.IsEmpty) throw new ImageDecodeException(ImageProblem.Empty, $"{name}: file is empty, not an image.");
        data = SKData.CreateCopy(encoded);
        // The stream overload reports why a codec could not be made (the data overload only returns null).
        var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        if (codec is null)
        {
            data.Dispose();
            // A JPEG cut off before its size header is recognised as JPEG but cannot be opened: say so. (libpng
            // also says "incomplete" for a 0×0 header, which is no truncation, so only JPEG's signature counts.)
            throw result == SKCodecResult.IncompleteInput && encoded.StartsWith(JpegSignature)
                ? new ImageDecodeException(ImageProblem.Truncated, $"{name}: image data is truncated (it ends before its header does).")
                : new ImageDecodeException(ImageProblem.UnsupportedFormat, $"{name}: not a supported image (expected PNG, JPEG, WebP, GIF or BMP).");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        string? problem = width <= 0 || height <= 0 ? $"{name}: image has no pixels ({width}×{height})."
            : ScaledDecode.SizeWithin(codec, MaxPixels) is null
                ? $"{name}: image is {width:N0}×{height:N0} = {(long)width * height / 1e6:N0} MP, over the {MaxPixels / 1e6:N1} MP limit (4096×4096), and cannot be decoded scaled down to it (JPEG and WebP can, by 1/8 at most for JPEG)."
                : null;
        if (problem is null) return codec;
        codec.Dispose();
        data.Dispose();
        throw new ImageDecodeException(width <= 0 || height <= 0 ? ImageProblem.NoPixels : ImageProblem.TooLarge, problem);
    }

    /// <summary>The size <paramref name="codec"/> decodes to: its own, or a codec-scaled one within <see cref="MaxPixels"/>.</summary>
    public static SKSizeI DecodeSize(SKCodec codec) =>
        ScaledDecode.SizeWithin(codec, MaxPixels) ?? throw new InvalidOperationException("the codec was not opened by ImageCheck.Open");

    /// <summary>Decodes at <see cref="DecodeSize"/> into an RGBA bitmap the caller disposes; a decode that does not finish throws.</summary>
    internal static SKBitmap DecodeBitmap(SKCodec codec, string name)
    {
        var size = DecodeSize(codec);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        try
        {
            Require(codec.GetPixels(info, bitmap.GetPixels()), name);
            return bitmap;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
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
