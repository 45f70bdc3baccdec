using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Pipelines.Eda;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

public class EdaTests
{
    static readonly Lazy<EdaStatistics> Statistics = new(() => EdaAnalysis.Compute(TestData.Real, 42));

    [Fact]
    public void Counts_and_channel_statistics_agree_with_an_independent_pass_over_the_raw_files()
    {
        var s = Statistics.Value;
        // Independent: read the batch files byte by byte, without the reader, tensors or histograms.
        var labelCounts = new long[10];
        var sum = new double[3];
        var sumOfSquares = new double[3];
        long perChannel = 0;
        foreach (var file in CifarBinaryReader.TrainFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(TestData.Directory, file));
            for (int r = 0; r < bytes.Length / CifarBinaryReader.RecordSize; r++)
            {
                var record = bytes.AsSpan(r * CifarBinaryReader.RecordSize, CifarBinaryReader.RecordSize);
                labelCounts[record[0]]++;
                for (int c = 0; c < 3; c++)
                    foreach (var v in record.Slice(1 + c * 1024, 1024)) { sum[c] += v; sumOfSquares[c] += v * v; }
                perChannel += 1024;
            }
        }
        for (int c = 0; c < 3; c++)
        {
            var mean = sum[c] / perChannel;
            var std = Math.Sqrt(sumOfSquares[c] / perChannel - mean * mean);
            Assert.Equal(mean, s.Channels[c].Mean, 6);
            Assert.Equal(std, s.Channels[c].Std, 4);
            Assert.Equal(mean / 255, s.Channels[c].MeanUnit, 8);
            Assert.Equal(perChannel, s.Channels[c].Pixels);
        }
        // The published CIFAR-10 figures, as a sanity check on both computations.
        double[] expectedMeans = [125.8, 123.6, 114.3], expectedStds = [62.7, 62.1, 66.8];
        for (int c = 0; c < 3; c++)
        {
            Assert.InRange(s.Channels[c].Mean, expectedMeans[c] - 1, expectedMeans[c] + 1);
            Assert.InRange(s.Channels[c].Std, expectedStds[c] - 1, expectedStds[c] + 1);
        }
        foreach (var name in CifarClasses.Names)
        {
            var label = CifarClasses.Names.ToList().IndexOf(name);
            Assert.Equal(labelCounts[label], s.Split(EdaStatistics.OfficialTrain).PerClass[name]);
            Assert.Equal(5_000, s.Split(EdaStatistics.OfficialTrain).PerClass[name]);
            Assert.Equal(4_500, s.Split(EdaStatistics.Train).PerClass[name]);
            Assert.Equal(500, s.Split(EdaStatistics.Validation).PerClass[name]);
            Assert.Equal(1_000, s.Split(EdaStatistics.Test).PerClass[name]);
        }
        Assert.Equal([3, 32, 32], s.ImageShape);
    }

    [Fact]
    public void Eda_writes_three_readable_figures_and_json_that_agrees_with_the_counts()
    {
        using var temp = new TempDirectory();
        var s = EdaRun.Execute(TestData.Real, temp.Path, 42);
        PngAssert.Readable(temp.File(EdaRun.ClassDistribution), minColours: 50, width: 1000, height: 520);
        PngAssert.Readable(temp.File(EdaRun.PixelHistograms), minColours: 50, width: 1000, height: 520);
        using var samples = PngAssert.Readable(temp.File(EdaRun.Samples), minColours: 20_000);
        Assert.True(samples.Width >= 10 * 96 && samples.Height >= 10 * 96, $"samples.png is {samples.Width}×{samples.Height}; 10 × 10 images at ×3 need 960 px");

        using var json = JsonDocument.Parse(File.ReadAllText(temp.File(EdaRun.Json)));
        var root = json.RootElement;
        Assert.Equal(CifarClasses.Names, root.GetProperty("classNames").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal([3, 32, 32], root.GetProperty("imageShape").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        foreach (var split in root.GetProperty("splits").EnumerateArray())
        {
            var expected = s.Split(split.GetProperty("split").GetString()!);
            Assert.Equal(expected.Total, split.GetProperty("total").GetInt32());
            Assert.Equal(expected.Total, split.GetProperty("perClass").EnumerateObject().Sum(p => p.Value.GetInt32()));
            Assert.Equal(expected.PerClass["cat"], split.GetProperty("perClass").GetProperty("cat").GetInt32());
        }
        Assert.Equal(4, root.GetProperty("splits").GetArrayLength());
        var red = root.GetProperty("channels")[0];
        Assert.Equal("R", red.GetProperty("channel").GetString());
        Assert.Equal(s.Channels[0].Mean, red.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(s.Channels[0].Mean / 255, red.GetProperty("meanUnit").GetDouble(), 9);
        Assert.Equal(256, red.GetProperty("histogram").GetArrayLength());
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Sample_selection_is_deterministic_and_takes_ten_of_each_class()
    {
        var labels = TestData.Real.Train.LabelArray();
        var first = SampleSelection.Pick(labels, 10, 10, seed: 7);
        var again = SampleSelection.Pick(labels, 10, 10, seed: 7);
        var other = SampleSelection.Pick(labels, 10, 10, seed: 8);
        Assert.Equal(first.SelectMany(x => x), again.SelectMany(x => x));
        Assert.NotEqual(first.SelectMany(x => x), other.SelectMany(x => x));
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(10, first[c].Distinct().Count());
            Assert.All(first[c], i => Assert.Equal(c, labels[i]));
        }
    }
}
