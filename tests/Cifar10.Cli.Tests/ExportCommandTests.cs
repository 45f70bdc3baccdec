using Cifar10.Core.Data;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class ExportCommandTests
{
    [RealDataFact]
    public void Export_writes_a_validated_model_onnx_into_the_run_folder_and_nothing_else()
    {
        using var run = CopyRunWithoutOnnx();
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", run.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("checked with ONNX Runtime", result.Stdout);
        Assert.Equal(CifarClasses.Names, OnnxModelValidator.Validate(run.File("model.onnx")).ClassNames);
        Assert.DoesNotContain(Directory.GetFiles(run.Path), f => f.EndsWith(".tmp"));
    }

    [RealDataFact]
    public void Export_to_another_file_with_out()
    {
        using var run = CopyRunWithoutOnnx();
        using var elsewhere = new TempDirectory();
        var target = Path.Combine(elsewhere.Path, "sub", "my.onnx");
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", run.Path, "--out", target);
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
        using var run = CopyRunWithoutOnnx();
        File.WriteAllBytes(run.File("model.bin"), [1, 2, 3]);
        var result = CliProcess.Run(AppContext.BaseDirectory, "export", "--run", run.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("model.bin", result.ErrorLines[0]);
        Assert.False(File.Exists(run.File("model.onnx")));
    }

    static TempDirectory CopyRunWithoutOnnx()
    {
        var copy = new TempDirectory();
        foreach (var file in new[] { "model.bin", "model.json", "manifest.json" })
            File.Copy(Path.Combine(QuickRun.Directory, file), copy.File(file));
        return copy;
    }
}
