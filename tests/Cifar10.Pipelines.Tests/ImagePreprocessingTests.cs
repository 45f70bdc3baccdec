using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;
using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

/// <summary>Images of every kind become 32×32 planar RGB pixels through ML.NET's transforms; bad ones become one-line errors.</summary>
public class ImagePreprocessingTests
{
    const int Plane = 1024;

    // What the network reads: ImagePipeline.Preprocess on one decoded image, as bytes 0–255.
    static byte[] Pixels(byte[] encoded, string name)
    {
        ImageCheck.Bytes(encoded, name);
        var mlContext = new MLContext(seed: 0);
        using var image = MLImage.CreateFromStream(new MemoryStream(encoded));
        var imageType = MLImageType.Register();
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Image)].ColumnType = imageType;
        var data = mlContext.Data.LoadFromEnumerable(new[] { new ImageRow { Image = image } }, schema);
        var pixels = ImagePipeline.Preprocess(mlContext, nameof(ImageRow.Image), imageIsPath: false, imageSize: 32).Fit(data).Transform(data);
        return pixels.GetColumn<float[]>(ImagePipeline.PixelsColumnName).Single().Select(v => (byte)v).ToArray();
    }

    sealed class ImageRow { public MLImage? Image { get; set; } }

    [RealDataFact]
    public void A_32x32_png_of_a_real_test_image_decodes_to_exactly_its_record()
    {
        for (int i = 0; i < 20; i++)
        {
            var record = RealCifar.TestRecord(i);
            Assert.Equal(record, Pixels(ImageFixtures.RecordAsPng(record), $"test-{i}.png"));
        }
    }

    [Fact]
    public void A_large_jpeg_is_resized_and_written_in_planar_rgb_order()
    {
        var record = Pixels(ImageFixtures.Solid(640, 480, new SKColor(200, 30, 90), SKEncodedImageFormat.Jpeg), "big.jpg");
        Assert.Equal(3 * Plane, record.Length);
        Assert.All(record.Take(Plane), r => Assert.InRange(r, 195, 205));
        Assert.All(record.Skip(Plane).Take(Plane), g => Assert.InRange(g, 25, 35));
        Assert.All(record.Skip(2 * Plane), b => Assert.InRange(b, 85, 95));
    }

    [Fact]
    public void Grayscale_becomes_three_equal_planes()
    {
        var record = Pixels(ImageFixtures.Solid(50, 40, new SKColor(77, 77, 77), colorType: SKColorType.Gray8, alphaType: SKAlphaType.Opaque), "gray.png");
        Assert.All(record, v => Assert.Equal(77, v));
    }

    [Fact]
    public void Cmyk_jpeg_is_converted_to_rgb()
    {
        // Adobe CMYK is stored inverted: C=255, M=0, Y=0, K=255 stored means no cyan ink, full magenta and yellow: red.
        var record = Pixels(CmykJpeg.Solid(16, 255, 0, 0, 255), "cmyk.jpg");
        Assert.All(record.Take(Plane), r => Assert.InRange(r, 250, 255));
        Assert.All(record.Skip(Plane), gb => Assert.InRange(gb, 0, 5));
    }

    [Theory]
    [InlineData("empty", "file is empty")]
    [InlineData("text", "not a supported image")]
    [InlineData("truncated", "truncated")]
    [InlineData("zero", "not a supported image")] // libpng refuses a 0×0 header outright
    [InlineData("huge", "MP limit")]
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
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.Bytes(bytes, $"{kind}.png"));
        Assert.StartsWith($"{kind}.png: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    static byte[] Truncate(byte[] bytes) => bytes[..(bytes.Length * 2 / 3)];

    [Fact]
    public void A_missing_file_is_a_one_line_error()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.File("/nonexistent/cat.png"));
        Assert.Equal("/nonexistent/cat.png: file is missing.", error.Message);
    }
}
