using System.Diagnostics;

namespace Cifar10.Tests.Shared;

/// <summary>Runs <c>dotnet</c> with arguments as a child process and captures its output.</summary>
public static class DotnetProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
    }

    /// <summary>How every child <c>dotnet</c> is started: output redirected, its own SDK, the real data.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var a in args) start.ArgumentList.Add(a);
        // The test host may inherit MSBuild's variables from 'dotnet test'; a child build must find its own SDK.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)))
            start.Environment.Remove(name);
        // Never let a child fall back to a download: point it at the real data.
        if (RealCifar.Directory is { } data) start.Environment[Cifar10.Core.Data.CifarDataLocator.EnvironmentVariable] = data;
        return start;
    }

    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = StartInfo(args, workingDirectory);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
