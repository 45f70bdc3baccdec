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

    /// <summary>Starts the server on a free loopback port and waits (at most a minute) for its "listening on" line.</summary>
    public static ServeProcess Start(string model, params string[] extraArgs) =>
        Launch(AppContext.BaseDirectory, new Dictionary<string, string>(), ["serve", "--model", model, "--urls", "http://127.0.0.1:0", .. extraArgs]);

    /// <summary>Starts <c>cifar10</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> with extra environment variables, and waits for its "listening on" line.</summary>
    public static ServeProcess Launch(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = DotnetProcess.StartInfo([CliProcess.Assembly, .. args], workingDirectory);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var line = process.StandardOutput.ReadLineAsync();
                if (!line.Wait(deadline - DateTime.UtcNow) || line.Result is null) break;
                if (Listening().Match(line.Result) is { Success: true } match)
                {
                    var server = new ServeProcess(process, new Uri(match.Groups[1].Value));
                    // Keep draining both pipes so the server never blocks writing to a full one.
                    _ = server.CollectAsync(process.StandardOutput);
                    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                    return server;
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

    readonly System.Text.StringBuilder _output = new();

    /// <summary>What the server has written to stdout since its "listening on" line.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    async Task CollectAsync(StreamReader stdout)
    {
        while (await stdout.ReadLineAsync() is { } line)
            lock (_output) _output.AppendLine(line);
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
