using System.Diagnostics;
using System.Text.RegularExpressions;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>
/// <c>cifar10 serve</c> as its own process on a free loopback port, as a user runs it, so its
/// memory can be read apart from the test's. Disposing kills that process (and only it).
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    readonly Process _process;

    ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>The server's working set now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts the server and waits (at most a minute) for its "listening on" line.</summary>
    public static ServeProcess Start(string model, params string[] extraArgs)
    {
        var process = CliProcess.Start(AppContext.BaseDirectory, ["serve", "--model", model, "--urls", "http://127.0.0.1:0", .. extraArgs]);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var line = process.StandardOutput.ReadLineAsync();
                if (!line.Wait(deadline - DateTime.UtcNow) || line.Result is null) break;
                if (Listening().Match(line.Result) is { Success: true } match)
                {
                    // Keep draining both pipes so the server never blocks writing to a full one.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                    return new ServeProcess(process, new Uri(match.Groups[1].Value));
                }
            }
            throw new InvalidOperationException($"serve did not start: {process.StandardError.ReadToEnd()}");
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    static void Stop(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
