using System.Buffers.Binary;
using System.IO.Compression;

namespace Cifar10.Tests.Shared.Images;

/// <summary>Small files that declare huge images: what a client can send to make a server decode far more than it uploads.</summary>
public static class OversizedImages
{
    /// <summary>A complete, valid 1-bit greyscale PNG of <paramref name="side"/>² black pixels: about 6 KB at 7000×7000.</summary>
    public static byte[] OneBitPng(int side)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        var row = (side + 7) / 8 + 1; // filter byte + packed bits, all zero
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[row];
            for (int y = 0; y < side; y++) zlib.Write(zeros);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        ImageFixtures.WriteChunk(png, "IHDR", header);
        ImageFixtures.WriteChunk(png, "IDAT", compressed.ToArray());
        ImageFixtures.WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 35-byte GIF whose screen and only frame claim <paramref name="side"/>² pixels (its pixel data is one code).</summary>
    public static byte[] TinyGif(int side)
    {
        var (lo, hi) = ((byte)(side & 0xFF), (byte)(side >> 8));
        return
        [
            .. "GIF89a"u8, lo, hi, lo, hi, 0x80, 0, 0,  // screen: global colour table of 2 entries
            0, 0, 0, 255, 255, 255,                     // the colour table
            0x2C, 0, 0, 0, 0, lo, hi, lo, hi, 0,        // image descriptor
            2, 2, 0x4C, 0x01, 0,                        // LZW minimum code size 2, one data block, block end
            0x3B,                                       // trailer
        ];
    }

    /// <summary>The first bytes of a JPEG: its start marker and JFIF header, cut before the frame header that gives its size.</summary>
    public static byte[] JpegCutBeforeSize(byte[] jpeg)
    {
        // SOF0..SOF2 (FFC0..FFC2) carry the size; keep everything before the first of them.
        for (int i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] is >= 0xC0 and <= 0xC2) return jpeg[..i];
        throw new ArgumentException("not a baseline or progressive JPEG", nameof(jpeg));
    }
}
