using System.Text.Json;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary><c>export --tta</c>: the shipped file scores like the run's reported (test-time augmented) accuracy.</summary>
public class TtaExportTests
{
    const int TestImages = 2_000;

    [RealDataFact]
    public void A_fast_run_reports_both_accuracies_and_its_tta_export_reproduces_the_reported_one_through_mlnet()
    {
        using var temp = new TempDirectory();
        var train = CliProcess.Run(temp.Path, "train", "--recipe", "fast", "--model", "fast-half", "--train-limit", "2000", "--test-limit", $"{TestImages}",
            "--epochs", "1", "--batch-size", "128", "--out", "run");
        Assert.True(train.ExitCode == 0, train.Stderr);
        using var results = JsonDocument.Parse(File.ReadAllText(temp.File("run/results.json")));
        var reported = results.RootElement.GetProperty("testAccuracy").GetDouble();
        var singleView = results.RootElement.GetProperty("singleViewTestAccuracy").GetDouble();
        Assert.Equal(6, results.RootElement.GetProperty("testViews").GetInt32());
        Assert.NotEqual(reported, singleView); // else agreement below would not tell the two files apart

        var export = CliProcess.Run(temp.Path, "export", "--run", "run", "--tta");
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains("6 views per image", export.Stdout);

        Assert.Equal(reported, EvaluatedAccuracy(temp, "run/model-tta.onnx", "eval-tta"), 0.0005);
        Assert.Equal(singleView, EvaluatedAccuracy(temp, "run/model.onnx", "eval-single"), 0.0005);

        var reexport = CliProcess.Run(temp.Path, "export", "--run", "run"); // the manifest lists model-tta.onnx, so the folder still verifies
        Assert.True(reexport.ExitCode == 0, reexport.Stderr);
    }

    [RealDataFact]
    public void Tta_export_of_a_run_scored_with_one_view_is_a_one_line_error()
    {
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", QuickRun.Directory, "--tta", "--out", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.onnx"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal($"error: export --tta: the run in {QuickRun.Directory} was scored with one view per image (its recipe has no test-time augmentation), so there are no views to average.", result.Stderr.Trim());
    }

    static double EvaluatedAccuracy(TempDirectory temp, string model, string output)
    {
        var result = CliProcess.Run(temp.Path, "evaluate", "--model", model, "--test-limit", $"{TestImages}", "--out", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.File($"{output}/evaluation.json")));
        return json.RootElement.GetProperty("metrics").GetProperty("microAccuracy").GetDouble();
    }
}
