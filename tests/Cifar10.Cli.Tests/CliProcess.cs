using System.Diagnostics;

namespace Cifar10.Cli.Tests;

/// <summary>Runs the built <c>cifar10</c> as a child process, as a user would, capturing its output.</summary>
public static class CliProcess
{
    /// <summary>Exit code, standard output and standard error of <c>cifar10 args…</c>.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cifar10.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        // Never fall back to a download: an unset variable would send the locator to the network.
        start.Environment["CIFAR10_DATA"] = Cifar10.Tests.Shared.TestData.Directory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
