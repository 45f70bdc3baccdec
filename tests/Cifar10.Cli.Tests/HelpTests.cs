using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>Every command's help renders (option descriptions are Spectre markup, so a stray '[' breaks them).</summary>
public class HelpTests
{
    [Theory]
    [InlineData("train", "--input-scaling")]
    [InlineData("train", "--tensorboard")]
    [InlineData("experiment", "--seeds")]
    [InlineData("eda", "--out")]
    [InlineData("summary", "--model")]
    [InlineData("export", "--run")]
    [InlineData("predict", "--json")]
    [InlineData("evaluate", "--test-limit")]
    [InlineData("serve", "--urls")]
    [InlineData("bench", "--quick")]
    [InlineData("compare", "--target")]
    public void Help_lists_the_options(string command, string option)
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, command, "--help");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(option, result.Stdout);
        Assert.Equal("", result.Stderr.Trim());
    }
}
