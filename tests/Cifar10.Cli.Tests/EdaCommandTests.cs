using System.Text.Json;
using Cifar10.Pipelines.Eda;
using Cifar10.Pipelines.Tests;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class EdaCommandTests
{
    [Fact]
    public void Eda_writes_figures_and_json_and_prints_the_counts_and_channel_statistics()
    {
        using var temp = new TempDirectory();
        var output = temp.File("eda");
        var (exit, stdout, stderr) = CliProcess.Run(temp.Path, "eda", "--data", TestData.Directory, "--out", output);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        foreach (var png in new[] { EdaRun.ClassDistribution, EdaRun.Samples, EdaRun.PixelHistograms })
            PngAssert.Readable(Path.Combine(output, png), minColours: 50).Dispose();

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, EdaRun.Json)));
        var validation = json.RootElement.GetProperty("splits").EnumerateArray().Single(s => s.GetProperty("split").GetString() == EdaStatistics.Validation);
        Assert.Equal(5_000, validation.GetProperty("total").GetInt32());
        Assert.All(validation.GetProperty("perClass").EnumerateObject(), p => Assert.Equal(500, p.Value.GetInt32()));
        // The console tables show what the file holds.
        var cat = json.RootElement.GetProperty("splits").EnumerateArray().Select(s => s.GetProperty("perClass").GetProperty("cat").GetInt32().ToString("N0"));
        var catRow = stdout.Split('\n').Single(l => l.Contains(" cat "));
        Assert.All(cat, count => Assert.Contains(count, catRow));
        foreach (var channel in json.RootElement.GetProperty("channels").EnumerateArray())
        {
            var row = stdout.Split('\n').Single(l => l.Contains($" {channel.GetProperty("channel").GetString()} "));
            Assert.Contains(channel.GetProperty("mean").GetDouble().ToString("F2"), row);
            Assert.Contains(channel.GetProperty("std").GetDouble().ToString("F2"), row);
        }
    }

    [Fact]
    public void Bad_input_gives_a_one_line_error_and_a_non_zero_exit()
    {
        using var temp = new TempDirectory();
        var (exit, _, stderr) = CliProcess.Run(temp.Path, "eda", "--data", temp.File("no-such-folder"), "--out", temp.File("eda"));
        Assert.NotEqual(0, exit);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("no-such-folder", stderr);

        File.WriteAllText(temp.File("a-file"), "");
        (exit, _, stderr) = CliProcess.Run(temp.Path, "eda", "--data", TestData.Directory, "--out", temp.File("a-file"));
        Assert.NotEqual(0, exit);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("a-file", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
