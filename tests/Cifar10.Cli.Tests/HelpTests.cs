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

    [Theory]
    [InlineData("train")]
    [InlineData("predict")]
    [InlineData("serve")]
    public void Help_shows_examples(string command)
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, command, "--help");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("EXAMPLES:", result.Stdout);
        Assert.Contains($"cifar10 {command} --", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_package_version_and_commit()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, "--version");
        Assert.True(result.ExitCode == 0, result.Stderr);
        // MinVer: major.minor.patch[-prerelease] from the git tag, then +commit.
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\+[0-9a-f]{7,40}$", result.Stdout.Trim());
    }
}
