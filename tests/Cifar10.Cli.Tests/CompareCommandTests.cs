using Cifar10.Pipelines.Plots;
using Cifar10.Pipelines.Tests;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Compare_prints_each_run_and_writes_the_accuracy_by_time_figure()
    {
        using var temp = new TempDirectory();
        GeneratedRunFolder.Write(temp.File("fast-s42"), "fast", 42, 0.9038, 180, 180);
        GeneratedRunFolder.Write(temp.File(Path.Combine("study", "cnn-3x3", "seed-1")), "cnn-3x3", 1, 0.7587, 30, 30, 30);
        var result = CliProcess.Run(temp.Path, "compare", "fast-s42", "study", "--target", "93", "--out", "figures/by-time.png");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("fast-s42", result.Stdout);
        Assert.Contains("90.38 %", result.Stdout);
        Assert.Contains("cnn-3x3/seed-1", result.Stdout);
        Assert.Contains("75.87 %", result.Stdout);
        Assert.Contains("6.0", result.Stdout); // fast-s42 trained 2 × 180 s
        PngAssert.Readable(temp.File(Path.Combine("figures", "by-time.png")), minColours: 50, AccuracyByTimePlot.Width, AccuracyByTimePlot.HeightFor(2, withTarget: true)).Dispose();
    }

    [Theory]
    [InlineData(new[] { "compare", "missing-run" }, "missing-run: no such folder.")]
    [InlineData(new[] { "compare", "." }, ".: no run folders (with a training history) in it or below it.")]
    [InlineData(new[] { "compare", ".", "--target", "150" }, "--target 150: must be a percentage above 0 and at most 100.")]
    public void Compare_rejects_bad_input_with_one_line(string[] args, string expected)
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal([$"error: {expected}"], result.ErrorLines);
        Assert.False(Directory.Exists(temp.File("artifacts")), "nothing is written when the input is bad");
    }
}
