using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary><c>cifar10 bench</c> refuses bad options in one line, before any measuring.</summary>
public class BenchCommandTests
{
    [Fact]
    public void An_out_path_that_is_a_file_is_one_line_and_exit_1()
    {
        using var folder = new TempDirectory();
        var file = folder.File("taken");
        File.WriteAllText(file, "");
        var result = CliProcess.Run(AppContext.BaseDirectory, "bench", "--quick", "--out", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"error: {file}: is a file, not a directory; choose another output directory."], result.ErrorLines);
    }

    [Fact]
    public void Zero_threads_is_one_line_and_a_non_zero_exit()
    {
        var result = CliProcess.Run(AppContext.BaseDirectory, "bench", "--threads", "0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["error: --threads 0: must be a positive number."], result.ErrorLines);
    }
}
