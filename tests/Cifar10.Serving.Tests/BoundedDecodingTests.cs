using System.Diagnostics;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Serving.Tests;

/// <summary>
/// Decode work is bounded by what the header says, before any pixel is decoded: small files that declare
/// 7000×7000 are refused (or, for JPEG, decoded scaled down), and files are read only up to a size.
/// </summary>
public class BoundedDecodingTests
{
    [Theory]
    [InlineData("png")]
    [InlineData("gif")]
    public void A_small_file_declaring_7000x7000_is_refused_from_its_header(string format)
    {
        var bytes = format == "png" ? OversizedImages.OneBitPng(7000) : OversizedImages.TinyGif(7000);
        Assert.True(bytes.Length < 8 * 1024, $"{bytes.Length} bytes");
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.Header(bytes, $"big.{format}"));
        Assert.Equal(ImageProblem.TooLarge, error.Problem);
        Assert.Contains("7,000×7,000", error.Message);
        Assert.Throws<ImageDecodeException>(() => ImageCheck.Bytes(bytes, $"big.{format}"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: it decoded the pixels");
    }

    [RealDataTheory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void A_JPEG_or_WebP_over_the_cap_is_decoded_scaled_down_and_still_classified(SKEncodedImageFormat format)
    {
        var image = ImageFixtures.Solid(5000, 4000, SKColors.SkyBlue, format); // 20 MP
        var header = ImageCheck.Header(image, "wide");
        Assert.Equal((5000, 4000), (header.Width, header.Height));
        Assert.True(header.DecodedPixels <= ImageCheck.MaxPixels, $"decodes to {header.DecodedWidth}×{header.DecodedHeight}");
        Assert.True(header.DecodedWidth >= 2500, $"scaled further than it needs: {header.DecodedWidth}×{header.DecodedHeight}");

        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var prediction = classifier.PredictImage(image, "wide");
        Assert.Contains(prediction.Label, classifier.ClassNames);
    }

    [Fact]
    public void A_device_that_never_ends_is_refused_after_the_file_size_cap_not_read_to_exhaustion()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.File("/dev/zero"));
        Assert.Equal(ImageProblem.TooLarge, error.Problem);
        Assert.Equal("/dev/zero: file is larger than the 100 MB limit.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_directory_given_as_an_image_says_so()
    {
        using var folder = new TempDirectory();
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.File(folder.Path));
        Assert.Equal($"{folder.Path}: is a directory, not an image file.", error.Message);
    }

    [Fact]
    public void A_JPEG_cut_before_its_size_header_is_reported_truncated()
    {
        var cut = OversizedImages.JpegCutBeforeSize(ImageFixtures.Solid(64, 64, SKColors.Tomato, SKEncodedImageFormat.Jpeg));
        var error = Assert.Throws<ImageDecodeException>(() => ImageCheck.Bytes(cut, "cut.jpg"));
        Assert.Equal(ImageProblem.Truncated, error.Problem);
        Assert.Contains("truncated", error.Message);
    }
}
