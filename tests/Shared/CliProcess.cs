using System.Diagnostics;

namespace Cifar10.Tests.Shared;

/// <summary>Runs the built <c>cifar10</c> command as a child process, the way a user does.</summary>
public static class CliProcess
{
    /// <summary>The CLI assembly, copied beside the tests by the project reference to Cifar10.Cli.</summary>
    public static string Assembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "cifar10.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} not found: the test project must reference src/Cifar10.Cli.");
        }
    }

    /// <summary>Starts the CLI with its output redirected.</summary>
    public static Process Start(string workingDirectory, params string[] args) =>
        Process.Start(DotnetProcess.StartInfo([Assembly, .. args], workingDirectory))!;

    /// <summary>Runs the CLI to completion in <paramref name="workingDirectory"/>.</summary>
    public static DotnetProcess.Result Run(string workingDirectory, params string[] args) =>
        DotnetProcess.Run([Assembly, .. args], workingDirectory, TimeSpan.FromMinutes(10));
}
