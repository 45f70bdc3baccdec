using System.Text.Json;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class EvaluateCommandTests
{
    /// <summary>The shipped path (ONNX through ML.NET) must reproduce the accuracy TorchSharp measured at training time.</summary>
    [RealDataFact]
    public void Evaluate_scores_the_test_set_through_mlnet_with_the_accuracy_of_training_time()
    {
        using var temp = new TempDirectory();
        var result = CliProcess.Run(AppContext.BaseDirectory, ["evaluate", "--model", QuickRun.OnnxPath, "--out", temp.Path]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "evaluation.json")));
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(10_000, metrics.GetProperty("count").GetInt32());
        Assert.Equal(QuickRun.Card.TestAccuracy!.Value, metrics.GetProperty("microAccuracy").GetDouble(), 0.001);
        Assert.Equal(10, metrics.GetProperty("perClassRecall").GetArrayLength());
        Assert.True(new FileInfo(Path.Combine(temp.Path, "confusion-matrix.png")).Length > 10_000);
        Assert.Contains("accuracy", result.Stdout);
    }

    [Fact]
    public void A_missing_model_is_one_error_line_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "none.onnx");
        var result = CliProcess.Run(temp.Path, "evaluate", "--model", missing, "--out", Path.Combine(temp.Path, "out"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"error: {missing}: file is missing.", result.Stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }
}
