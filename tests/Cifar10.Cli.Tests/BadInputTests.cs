using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>Bad input gets one line on stderr, a non-zero exit and no stack trace.</summary>
public class BadInputTests
{
    internal static void AssertOneLineError(DotnetProcess.Result result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{result.Stderr}");
        Assert.Equal($"error: {expected}", lines[0].TrimEnd());
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    [Theory]
    [InlineData("cnn-4x4", "cnn-4x4: the kernel size must be a positive odd number ('same' padding keeps the image size only for odd kernels).")]
    [InlineData("cnn-0x0", "cnn-0x0: the kernel size must be a positive odd number ('same' padding keeps the image size only for odd kernels).")]
    [InlineData("vgg16", "--model vgg16: unknown; expected dense, fast, fast-half, fast-whitened or cnn-KxK with odd K (e.g. cnn-3x3, cnn-5x5), optionally -Nconv, -Nblocks, -strided, -valid (e.g. cnn-3x3-2conv).")]
    public void Bad_model_ids(string model, string expected)
    {
        using var temp = new TempDirectory();
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--model", model), expected);
    }

    [Theory]
    [InlineData("error: --suite kernals: unknown suite part; expected architecture or one or more of kernels, stacking, depth, downsampling, padding, locality, translation, sample-efficiency, collapse (comma-separated).", "--suite", "kernels,kernals")]
    [InlineData("error: --shifts 32: is outside the 32×32 image; shifts run from 0 to 31 pixels.", "--suite", "translation", "--shifts", "0-4,32")]
    [InlineData("error: --shifts 0-x: '0-x' is not a whole number or a range such as 0-8.", "--suite", "translation", "--shifts", "0-x")]
    [InlineData("error: --permutation-seed is given twice with different values (1, 2); give one.", "--suite", "locality", "--permutation-seed", "1", "--permutation-seed", "2")]
    [InlineData("error: --suite trains its own cells with the study's protocol: --models, --batch-size, --lr, --input-scaling, --precision and --train-limit do not apply (use --train-images, --epochs, --seeds, --test-limit).", "--suite", "kernels", "--models", "dense")]
    [InlineData("error: --full, --train-images, --sample-sizes, --shifts and --permutation-seed go with --suite.", "--shifts", "0-8")]
    [InlineData("error: --train-images 60000: training images must be between 500 and 45,000 (CIFAR-10's 50,000 less the validation tenth).", "--suite", "depth", "--train-images", "60000")]
    public void Bad_suite_settings(string expected, params string[] arguments)
    {
        using var temp = new TempDirectory();
        AssertOneLineError(CliProcess.Run(temp.Path, ["experiment", .. arguments]), expected["error: ".Length..]);
    }

    [Theory]
    [InlineData("--epochs", "-1", "--epochs -1: must be a positive number.")]
    [InlineData("--batch-size", "0", "--batch-size 0: must be a positive number.")]
    [InlineData("--lr", "-0.5", "--lr -0.5: must be a positive number.")]
    [InlineData("--train-limit", "-3", "--train-limit -3: must be a positive number.")]
    [InlineData("--device", "tpu", "--device tpu: expected auto, cpu or cuda.")]
    [InlineData("--input-scaling", "zscore", "--input-scaling zscore: expected unit or standardize.")]
    [InlineData("--precision", "fp16", "--precision fp16: expected fp32, bf16 or auto.")]
    [InlineData("--recipe", "slow", "--recipe slow: expected study, fast or airbench94.")]
    public void Bad_training_options(string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--model", "dense", "--train-limit", "500", "--epochs", "1", option, value), expected);
    }

    [Fact]
    public void An_output_directory_that_is_a_file()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("taken"), "x");
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--model", "dense", "--train-limit", "500", "--epochs", "1", "--out", temp.File("taken")),
            $"{temp.File("taken")}: is a file, not a directory; choose another output directory.");
    }

    [Fact]
    public void A_missing_data_directory()
    {
        using var temp = new TempDirectory();
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--data", temp.File("nothing-here")),
            $"--data {temp.File("nothing-here")}: data directory does not exist.");
    }

    [Fact]
    public void A_truncated_batch_file_leaves_no_run_folder_behind()
    {
        using var temp = new TempDirectory();
        var data = CifarFixtures.WriteValidFolder(temp.File("data"));
        var path = Path.Combine(data, "data_batch_2.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..1000]);
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--data", data, "--out", temp.File("run")),
            $"{path}: truncated: 1,000 bytes, expected 30,730,000 (10,000 records of 3,073; 0 whole records found).");
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public void An_unknown_option()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, "train", "--bogus");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bogus", result.Stderr + result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    [Fact]
    public void Resume_without_a_checkpoint()
    {
        using var temp = new TempDirectory();
        AssertOneLineError(CliProcess.Run(temp.Path, "train", "--model", "cnn-3x3", "--resume"),
            "--resume: no cnn-3x3 run with a checkpoint under artifacts/runs; pass --out DIR.");
    }

    [Fact]
    public void Summary_prints_the_keras_like_table()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, "summary", "--model", "cnn-3x3");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Total params: 357,706", result.Stdout);
        Assert.Contains("Non-trainable params: 448", result.Stdout);
    }
}
