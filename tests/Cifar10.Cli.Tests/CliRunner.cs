using System.Diagnostics;

namespace Cifar10.Cli.Tests;

/// <summary>Runs the built <c>cifar10</c> app as a separate process, as a user would, and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Result Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cifar10.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cifar10 {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
