using Cifar10.Core.Data;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class ExportCommandTests
{
    [RealDataFact]
    public void Export_writes_a_validated_model_onnx_into_the_run_folder_and_nothing_else()
    {
        var run = CopyRunWithoutOnnx();
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", run);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("checked with ONNX Runtime", result.Stdout);
        Assert.Equal(CifarClasses.Names, OnnxModelValidator.Validate(Path.Combine(run, "model.onnx")).ClassNames);
        Assert.DoesNotContain(Directory.GetFiles(run), f => f.EndsWith(".tmp"));
    }

    [RealDataFact]
    public void Export_to_another_file_with_out()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("export-out-").FullName, "sub", "my.onnx");
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", CopyRunWithoutOnnx(), "--out", target);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public void Export_of_a_missing_run_is_one_line_and_exit_1()
    {
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", "/nonexistent/run");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: /nonexistent/run: run folder does not exist."], result.ErrorLines);
    }

    [RealDataFact]
    public void Export_with_corrupt_weights_is_one_line_and_leaves_no_model_onnx()
    {
        var run = CopyRunWithoutOnnx();
        File.WriteAllBytes(Path.Combine(run, "model.bin"), [1, 2, 3]);
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", run);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("model.bin", result.ErrorLines[0]);
        Assert.False(File.Exists(Path.Combine(run, "model.onnx")));
    }

    static string CopyRunWithoutOnnx()
    {
        var copy = Directory.CreateTempSubdirectory("export-run-").FullName;
        foreach (var file in new[] { "model.bin", "model.json", "manifest.json" })
            File.Copy(Path.Combine(QuickRun.Directory, file), Path.Combine(copy, file));
        return copy;
    }
}
