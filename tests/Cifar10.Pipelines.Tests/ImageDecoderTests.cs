using Cifar10.Pipelines.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

/// <summary>Images of every kind become 32×32 planar RGB records; bad ones become one-line errors.</summary>
public class ImageDecoderTests
{
    const int Plane = 1024;

    [RealDataFact]
    public void A_32x32_png_of_a_real_test_image_decodes_to_exactly_its_record()
    {
        for (int i = 0; i < 20; i++)
        {
            var record = RealCifar.TestRecord(i);
            Assert.Equal(record, ImageDecoder.Decode(ImageFixtures.RecordAsPng(record), $"test-{i}.png"));
        }
    }

    [Fact]
    public void A_large_jpeg_is_resized_and_written_in_planar_rgb_order()
    {
        var record = ImageDecoder.Decode(ImageFixtures.Solid(640, 480, new SKColor(200, 30, 90), SKEncodedImageFormat.Jpeg), "big.jpg");
        Assert.Equal(3 * Plane, record.Length);
        Assert.All(record.Take(Plane), r => Assert.InRange(r, 195, 205));
        Assert.All(record.Skip(Plane).Take(Plane), g => Assert.InRange(g, 25, 35));
        Assert.All(record.Skip(2 * Plane), b => Assert.InRange(b, 85, 95));
    }

    [Fact]
    public void Grayscale_becomes_three_equal_planes()
    {
        var record = ImageDecoder.Decode(ImageFixtures.Solid(50, 40, new SKColor(77, 77, 77), colorType: SKColorType.Gray8, alphaType: SKAlphaType.Opaque), "gray.png");
        Assert.All(record, v => Assert.Equal(77, v));
    }

    [Fact]
    public void Transparency_is_flattened_onto_white()
    {
        var transparent = ImageDecoder.Decode(ImageFixtures.Solid(32, 32, new SKColor(10, 20, 30, 0)), "clear.png");
        Assert.All(transparent, v => Assert.Equal(255, v));
        var half = ImageDecoder.Decode(ImageFixtures.Solid(32, 32, new SKColor(0, 0, 0, 128)), "half.png");
        Assert.All(half, v => Assert.InRange(v, 125, 129));
    }

    [Fact]
    public void Cmyk_jpeg_is_converted_to_rgb()
    {
        // Adobe CMYK is stored inverted: C=255, M=0, Y=0, K=255 stored means no cyan ink, full magenta and yellow: red.
        var record = ImageDecoder.Decode(CmykJpeg.Solid(16, 255, 0, 0, 255), "cmyk.jpg");
        Assert.All(record.Take(Plane), r => Assert.InRange(r, 250, 255));
        Assert.All(record.Skip(Plane), gb => Assert.InRange(gb, 0, 5));
    }

    [Theory]
    [InlineData(1, "red", "blue", "red", "blue")]   // as stored: red left, blue right
    [InlineData(6, "red", "red", "blue", "blue")]   // turned 90° clockwise: the left half ends on top
    [InlineData(8, "blue", "blue", "red", "red")]   // turned 90° counter-clockwise: the left half ends at the bottom
    [InlineData(3, "blue", "red", "blue", "red")]   // turned 180°
    public void Exif_orientation_is_applied_before_resizing(ushort orientation, string topLeft, string topRight, string bottomLeft, string bottomRight)
    {
        var jpeg = ImageFixtures.WithExifOrientation(ImageFixtures.Halves(96, 48, SKColors.Red, SKColors.Blue, SKEncodedImageFormat.Jpeg), orientation);
        var record = ImageDecoder.Decode(jpeg, "photo.jpg");
        string ColourAt(int x, int y) => record[y * 32 + x] > 128 && record[2 * Plane + y * 32 + x] < 128 ? "red" : record[y * 32 + x] < 128 && record[2 * Plane + y * 32 + x] > 128 ? "blue" : "other";
        Assert.Equal([topLeft, topRight, bottomLeft, bottomRight], [ColourAt(2, 2), ColourAt(29, 2), ColourAt(2, 29), ColourAt(29, 29)]);
    }

    [Theory]
    [InlineData("empty", "file is empty")]
    [InlineData("text", "not a supported image")]
    [InlineData("truncated", "truncated")]
    [InlineData("zero", "not a supported image")] // libpng refuses a 0×0 header outright
    [InlineData("huge", "50 MP limit")]
    public void Bad_images_are_one_line_errors_naming_the_file(string kind, string expected)
    {
        byte[] bytes = kind switch
        {
            "empty" => [],
            "text" => "hello, this is not an image"u8.ToArray(),
            "truncated" => Truncate(ImageFixtures.Solid(400, 400, SKColors.CornflowerBlue, SKEncodedImageFormat.Jpeg)),
            "zero" => ImageFixtures.PngHeaderOnly(0, 0),
            "huge" => ImageFixtures.PngHeaderOnly(20_000, 20_000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, $"{kind}.png"));
        Assert.StartsWith($"{kind}.png: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    static byte[] Truncate(byte[] bytes) => bytes[..(bytes.Length * 2 / 3)];

    [Fact]
    public void A_missing_file_is_a_one_line_error()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeFile("/nonexistent/cat.png"));
        Assert.Equal("/nonexistent/cat.png: file is missing.", error.Message);
    }
}
