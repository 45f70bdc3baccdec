using System.Buffers.Binary;
using System.Text;
using Cifar10.Core.Data;
using SkiaSharp;

namespace Cifar10.Tests.Shared.Images;

/// <summary>Image files made inside the tests: real CIFAR images as PNG, odd formats, broken files.</summary>
public static class ImageFixtures
{
    /// <summary>A CIFAR-10 record (planar RGB) encoded as a lossless 32×32 PNG.</summary>
    public static byte[] RecordAsPng(byte[] record)
    {
        const int plane = CifarBinaryReader.Side * CifarBinaryReader.Side;
        using var bitmap = new SKBitmap(new SKImageInfo(CifarBinaryReader.Side, CifarBinaryReader.Side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[plane * 4];
        for (int i = 0; i < plane; i++)
        {
            rgba[4 * i] = record[i];
            rgba[4 * i + 1] = record[plane + i];
            rgba[4 * i + 2] = record[2 * plane + i];
            rgba[4 * i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A solid image of any size and colour type, encoded as PNG or JPEG.</summary>
    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Png, SKColorType colorType = SKColorType.Rgba8888, SKAlphaType alphaType = SKAlphaType.Unpremul)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, alphaType));
        bitmap.Erase(color);
        return Encode(bitmap, format);
    }

    /// <summary>An image whose left half is <paramref name="left"/> and right half <paramref name="right"/>.</summary>
    public static byte[] Halves(int width, int height, SKColor left, SKColor right, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = right })
        {
            canvas.Clear(left);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }
        return Encode(bitmap, format);
    }

    /// <summary>Inserts an EXIF segment with the given orientation (1–8) right after a JPEG's start marker.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 34,                               // APP1, length 34
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8,       // big-endian TIFF header, first IFD at 8
            0x00, 0x01,                                         // one entry:
            0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1,                 //   Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,                                         // no next IFD
        ];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>A valid PNG signature and header claiming <paramref name="width"/>×<paramref name="height"/>, with almost no pixel data.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // an empty zlib stream
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>Writes one PNG chunk (length, type, data, CRC).</summary>
    internal static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        stream.Write(number);
    }

    static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
