namespace Cifar10.Cli.Commands;

/// <summary>Default output folders: <c>artifacts/runs/&lt;name&gt;-&lt;timestamp&gt;</c>.</summary>
internal static class RunNames
{
    public static string DefaultDirectory(string name) =>
        Path.Combine(RunsDirectory, $"{name}-{DateTime.Now:yyyyMMdd-HHmmss}");

    const string RunsDirectory = "artifacts/runs";

    /// <summary>
    /// The folder a run writes to: <paramref name="explicitOut"/>, or for <c>--resume</c> the newest
    /// <c>artifacts/runs/&lt;name&gt;-*</c> folder that <paramref name="resumable"/> accepts, or a new timestamped folder.
    /// </summary>
    public static string Resolve(string? explicitOut, string name, bool resume, Func<string, bool> resumable)
    {
        if (explicitOut is not null) return explicitOut;
        if (!resume) return DefaultDirectory(name);
        var newest = Directory.Exists(RunsDirectory)
            ? Directory.GetDirectories(RunsDirectory, $"{name}-*").Where(resumable).OrderDescending().FirstOrDefault()
            : null;
        return newest ?? throw new Core.CifarException($"--resume: no {name} run with a checkpoint under {RunsDirectory}; pass --out DIR.");
    }
}
