using System.Text.Json;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary><c>cifar10 images</c>, <c>train --images</c>, then predict and evaluate with the run's model.zip and model.onnx.</summary>
public class FolderTrainingCommandTests
{
    [RealDataFact]
    public void Train_on_image_folders_writes_a_run_whose_zip_and_onnx_predict_and_evaluate_alike()
    {
        using var temp = new TempDirectory();
        string train = Path.Combine(temp.Path, "train"), test = Path.Combine(temp.Path, "test"), run = Path.Combine(temp.Path, "run");
        Assert.Equal(0, CliProcess.Run(temp.Path, "images", "--out", train, "--per-class", "40").ExitCode);
        Assert.Equal(0, CliProcess.Run(temp.Path, "images", "--out", test, "--split", "test", "--per-class", "10").ExitCode);
        Assert.Equal(40, Directory.GetFiles(Path.Combine(train, "cat"), "*.png").Length);

        var trained = CliProcess.Run(temp.Path, "train", "--images", train, "--test-images", test, "--epochs", "2", "--image-size", "24", "--out", run);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.Contains("10 classes (airplane, automobile", trained.Stdout);
        Assert.Contains("BatchNorm: recomputed the statistics of 3 layers", trained.Stdout);
        Assert.Contains("test accuracy", trained.Stdout);
        foreach (var file in new[] { "model.zip", "model.onnx", "model.json", "model.bin", "history.json", "learning-curves.png", "evaluation.json", "confusion-matrix.png" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);

        using var zip = ImageClassifier.Load(Path.Combine(run, "model.zip"));
        Assert.Equal(24, zip.ImageSize);
        var image = Directory.GetFiles(Path.Combine(test, "ship"))[0];
        var predicted = CliProcess.Run(temp.Path, "predict", "--model", Path.Combine(run, "model.zip"), "--json", image);
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        var json = JsonDocument.Parse(predicted.Stdout).RootElement[0];
        Assert.Equal(zip.PredictFile(image).Label, json.GetProperty("label").GetString());

        // The zip (ML.NET end to end) and the ONNX export (wrapped in the same transforms) measure the same accuracy.
        var byZip = CliProcess.Run(temp.Path, "evaluate", "--model", Path.Combine(run, "model.zip"), "--images", test, "--out", Path.Combine(temp.Path, "eval-zip"));
        var byOnnx = CliProcess.Run(temp.Path, "evaluate", "--model", Path.Combine(run, "model.onnx"), "--images", test, "--out", Path.Combine(temp.Path, "eval-onnx"));
        Assert.True(byZip.ExitCode == 0 && byOnnx.ExitCode == 0, byZip + "\n" + byOnnx);
        static string AccuracyLine(string stdout) => stdout.Split('\n').Single(l => l.StartsWith("accuracy"));
        Assert.Equal(AccuracyLine(byZip.Stdout), AccuracyLine(byOnnx.Stdout));
        Assert.Contains("on 100 images", AccuracyLine(byZip.Stdout));
    }

    [Theory]
    [InlineData("one-class", "needs one sub-folder per class and at least two classes; found 1 class folder.")]
    [InlineData("missing", "folder does not exist.")]
    public void A_bad_images_folder_is_one_error_line_before_any_training(string kind, string expected)
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "images");
        if (kind == "one-class") File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "cats")).FullName, "a.png"), [1, 2, 3]);
        var result = CliProcess.Run(temp.Path, "train", "--images", root, "--out", Path.Combine(temp.Path, "run"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {root}: {expected}", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "run", "model.zip")));
    }

    [Fact]
    public void Cifar_only_flags_with_images_are_refused()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, "train", "--images", temp.Path, "--train-limit", "100");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--data, --train-limit, --test-limit and --test-curve are for CIFAR-10", result.Stderr);
    }
}
