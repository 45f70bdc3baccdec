using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

public class ServeCommandTests
{
    [Fact]
    public void Serve_with_a_missing_model_is_one_line_and_exit_1()
    {
        var result = CliProcess.Run(AppContext.BaseDirectory, "serve", "--model", "/nonexistent/model.onnx", "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: /nonexistent/model.onnx: file is missing."], result.ErrorLines);
    }
}
