using System.Text.Json;
using Cifar10.Cli.Commands;
using Cifar10.Serving;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Cli.Tests;

public class PredictCommandTests
{
    [RealDataFact]
    public void Good_images_are_scored_and_each_bad_one_gets_one_error_line()
    {
        using var temp = new TempDirectory();
        var folder = temp.Path;
        string Write(string name, byte[] bytes) { var p = Path.Combine(folder, name); File.WriteAllBytes(p, bytes); return p; }
        var good = new[]
        {
            Write("real-0.png", ImageFixtures.RecordAsPng(RealCifar.TestRecord(0))),
            Write("real-1.png", ImageFixtures.RecordAsPng(RealCifar.TestRecord(1))),
            Write("large.jpg", ImageFixtures.Solid(300, 200, SKColors.SeaGreen, SKEncodedImageFormat.Jpeg)),
            Write("gray.png", ImageFixtures.Solid(40, 40, new SKColor(90, 90, 90), colorType: SKColorType.Gray8, alphaType: SKAlphaType.Opaque)),
            Write("cmyk.jpg", CmykJpeg.Solid(16, 255, 0, 0, 255)),
        };
        var bad = new[]
        {
            Write("empty.png", []),
            Write("notes.png", "not an image"u8.ToArray()),
            Write("zero.png", ImageFixtures.PngHeaderOnly(0, 0)),
            Write("truncated.jpg", ImageFixtures.Solid(400, 400, SKColors.Tomato, SKEncodedImageFormat.Jpeg)[..1000]),
            Write("huge.png", ImageFixtures.PngHeaderOnly(20_000, 20_000)),
            Path.Combine(folder, "missing.png"),
        };

        var result = CliProcess.Run(AppContext.BaseDirectory, ["predict", "--model", QuickRun.OnnxPath, "--json", .. good, .. bad]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(bad.Length, result.ErrorLines.Length);
        foreach (var (file, line) in bad.Zip(result.ErrorLines)) Assert.StartsWith($"error: {file}: ", line);
        Assert.Contains("MP limit", result.ErrorLines[4]);

        var predictions = JsonSerializer.Deserialize<PredictionJson[]>(result.Stdout)!;
        Assert.Equal(good.Length + bad.Length, predictions.Length);
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        foreach (var (file, json) in good.Zip(predictions))
        {
            var expected = classifier.PredictFile(file);
            Assert.Equal(file, json.File);
            Assert.Null(json.Error);
            Assert.Equal(expected.Label, json.Label);
            Assert.Equal(expected.Top.Select(t => t.Label), json.Top!.Select(t => t.Label));
        }
        Assert.All(predictions.Skip(good.Length), p => Assert.NotNull(p.Error));
    }

    [RealDataFact]
    public void The_table_shows_each_image_with_its_top_3()
    {
        using var temp = new TempDirectory();
        var png = temp.File("real-3.png");
        File.WriteAllBytes(png, ImageFixtures.RecordAsPng(RealCifar.TestRecord(3)));
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var expected = classifier.PredictFile(png);

        var result = CliProcess.Run(AppContext.BaseDirectory, "predict", "--model", QuickRun.OnnxPath, png);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        var row = result.Stdout.Split('\n').Single(l => l.Contains("real-3.png"));
        foreach (var top in expected.Top) Assert.Contains($"{top.Label} {top.Probability * 100:F1}%", row);
    }

    [RealDataFact]
    public void A_truncated_model_is_one_line_and_exit_1()
    {
        using var temp = new TempDirectory();
        var model = temp.File("model.onnx");
        File.WriteAllBytes(model, File.ReadAllBytes(QuickRun.OnnxPath)[..4096]);
        var image = temp.File("a.png");
        File.WriteAllBytes(image, ImageFixtures.Solid(32, 32, SKColors.Red));

        var result = CliProcess.Run(AppContext.BaseDirectory, "predict", "--model", model, image);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {model}: not a loadable ONNX model", result.ErrorLines[0]);
    }

    [Fact]
    public void A_model_that_outputs_NaN_is_a_one_line_error()
    {
        using var temp = new TempDirectory();
        var white = temp.File("white.png");
        File.WriteAllBytes(white, ImageFixtures.Solid(32, 32, SKColors.White));
        var result = CliProcess.Run(AppContext.BaseDirectory, "predict", "--model", NonFiniteModel.OnnxPath, "--json", white);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: model produced non-finite scores", result.ErrorLines[0]);
    }

    [Fact]
    public void A_directory_and_a_never_ending_device_are_one_line_errors_each()
    {
        using var temp = new TempDirectory();
        var folder = temp.Path;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = CliProcess.Run(AppContext.BaseDirectory, "predict", "--model", NonFiniteModel.OnnxPath, folder, "/dev/zero");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: {folder}: is a directory, not an image file.", "error: /dev/zero: file is larger than the 100 MB limit."], result.ErrorLines);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }
}
