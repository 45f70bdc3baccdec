using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>Options that used to fail only after the work, or in words the user never typed, are refused up front in one line.</summary>
public class OptionErrorTests
{
    static readonly string[] QuickDense = ["train", "--model", "dense", "--train-limit", "500", "--epochs", "1"];

    [Theory]
    [InlineData("--epochs expects a whole number, got 'abc'.", "--epochs", "abc")]
    [InlineData("--lr expects a number, got 'abc'.", "--lr", "abc")]
    [InlineData("--batch-size expects a whole number, got '1.5'.", "--batch-size=1.5")]
    [InlineData("--epochs 99999999999: too large; at most 2147483647.", "--epochs", "99999999999")]
    public void A_value_of_the_wrong_kind_names_the_option_and_what_it_takes(string expected, params string[] option)
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, ["train", .. option]);
        BadInputTests.AssertOneLineError(result, expected);
        Assert.Equal(2, result.ExitCode); // a usage error, like every other parse error
    }

    [Fact]
    public void More_threads_than_processors_are_refused()
    {
        using var temp = new TempDirectory();
        var processors = Environment.ProcessorCount;
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. QuickDense, "--threads", "1000"]),
            $"--threads 1000: this machine has {processors} processors; use at most {processors}.");
    }

    [Fact]
    public void A_batch_larger_than_the_training_images_is_refused_before_training()
    {
        using var temp = new TempDirectory();
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. QuickDense, "--batch-size", "2147483647", "--out", temp.File("run")]),
            "--batch-size 2147483647: is more than the 451 training images (after the validation split); use at most 451.");
    }

    [Fact]
    public void A_train_limit_too_small_to_split_says_the_smallest_that_works()
    {
        using var temp = new TempDirectory();
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "train", "--model", "dense", "--train-limit", "1", "--epochs", "1"),
            "--train-limit 1: too few images to split: 0 of class airplane, and every class needs at least 2 (one to train on, one to validate on); the smallest limit that has them in this data is 29.");
    }

    [Fact]
    public void A_learning_rate_that_makes_the_loss_nan_stops_at_that_step()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, [.. QuickDense, "--lr", "1e30", "--out", temp.File("run")]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Matches(@"^error: the training loss became (NaN|-?∞|-?Infinity) at epoch 1, batch \d+ of 4 \(step \d+\); training stopped\. The learning rate \(1E\+30\) is probably too high: try a lower one\.$", line);
        Assert.False(File.Exists(Path.Combine(temp.File("run"), "model.onnx")), "no model is shipped from a diverged run");
    }

    [Fact]
    public void Export_of_a_file_or_of_a_folder_where_a_file_belongs_says_so()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("model.zip"), "x");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "export", "--run", temp.File("model.zip")),
            $"{temp.File("model.zip")}: is a file, not a run folder.");

        Directory.CreateDirectory(Path.Combine(temp.File("run"), "model.json"));
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "export", "--run", temp.File("run")),
            $"{Path.Combine(temp.File("run"), "model.json")}: is a folder, not a file.");
    }
}
