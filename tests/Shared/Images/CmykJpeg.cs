using System.Text;

namespace Cifar10.Tests.Shared.Images;

/// <summary>
/// Writes a minimal baseline CMYK JPEG of one solid colour (Adobe APP14 marker, inverted values as
/// Photoshop writes them). No encoder at hand writes CMYK, and a solid image needs only DC
/// coefficients, so the file is written by hand: every 8×8 block is its DC value and an end-of-block.
/// </summary>
public static class CmykJpeg
{
    // The standard luminance DC table (ITU T.81, K.3): code lengths 1–16 and the categories 0–11.
    static readonly byte[] DcBits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    static readonly byte[] DcValues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    /// <summary>A <paramref name="size"/>×<paramref name="size"/> image (multiple of 8) whose stored C, M, Y, K bytes are the given ones.</summary>
    public static byte[] Solid(int size, byte c, byte m, byte y, byte k)
    {
        byte[] stored = [c, m, y, k];
        using var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        Segment(file, 0xEE, [.. Encoding.ASCII.GetBytes("Adobe"), 0, 100, 0, 0, 0, 0, 0]); // transform 0: no YCC, plain CMYK
        Segment(file, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]); // quantisation table 0: all ones
        Segment(file, 0xC0, [8, (byte)(size >> 8), (byte)size, (byte)(size >> 8), (byte)size, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
        Segment(file, 0xC4, [0x00, .. DcBits, .. DcValues]); // DC table 0
        Segment(file, 0xC4, [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]); // AC table 0: only end-of-block, code '0'
        Segment(file, 0xDA, [4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]);

        var codes = CanonicalCodes(DcBits);
        var bits = new BitWriter(file);
        var previous = new int[4];
        int blocks = (size / 8) * (size / 8);
        for (int b = 0; b < blocks; b++)
        {
            for (int component = 0; component < 4; component++)
            {
                int dc = 8 * (stored[component] - 128); // DCT of a flat block with level shift, quantiser 1
                int diff = dc - previous[component];
                previous[component] = dc;
                int category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                bits.Write(codes[category].Code, codes[category].Length);
                if (category > 0) bits.Write(diff < 0 ? diff + (1 << category) - 1 : diff, category);
                bits.Write(0, 1); // end of block
            }
        }
        bits.Flush();
        file.Write([0xFF, 0xD9]);
        return file.ToArray();
    }

    static void Segment(Stream stream, byte marker, byte[] payload)
    {
        stream.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        stream.Write(payload);
    }

    static (int Code, int Length)[] CanonicalCodes(byte[] bitsPerLength)
    {
        var codes = new List<(int, int)>();
        int code = 0;
        for (int length = 1; length <= 16; length++)
        {
            for (int i = 0; i < bitsPerLength[length - 1]; i++) codes.Add((code++, length));
            code <<= 1;
        }
        return [.. codes];
    }

    sealed class BitWriter(Stream stream)
    {
        int _buffer, _count;

        public void Write(int value, int length)
        {
            for (int i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8) Emit();
            }
        }

        public void Flush()
        {
            while (_count != 0) Write(1, 1); // pad with ones, as T.81 asks
        }

        void Emit()
        {
            stream.WriteByte((byte)_buffer);
            if (_buffer == 0xFF) stream.WriteByte(0); // byte stuffing
            _buffer = 0;
            _count = 0;
        }
    }
}
