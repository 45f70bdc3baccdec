using Cifar10.Core;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Evaluation;

namespace Cifar10.Cli.Commands;

/// <summary>
/// What <c>train</c> may do with the folder it writes (as PyTorch Lightning guards its checkpoint folder): a new or
/// empty folder is used as it is; one that holds files is refused, so two runs never mix in one folder, unless
/// <c>--resume</c> continues the run in it (which needs its checkpoint) or <c>--force</c> replaces it. <c>--force</c>
/// deletes only the files a run writes, and refuses a folder that holds anything else: it never deletes the user's own files.
/// </summary>
internal static class RunOutput
{
    /// <summary>One-line error, before any work, when <paramref name="directory"/> may not be trained into.</summary>
    public static void Check(string directory, bool resume, bool force)
    {
        var run = new RunFolder(directory);
        if (resume)
        {
            if (!run.HasCheckpoint)
                throw new CifarException($"--resume: {directory} has no checkpoint to continue from ({Path.GetFileName(run.CheckpointPath)}); leave out --resume to start a new run.");
            return;
        }
        var entries = Entries(directory);
        if (entries.Count == 0) return;
        if (!force)
            throw new CifarException($"--out {directory}: already holds files ({Listed(entries)}); pass --resume to continue the run in it, or --force to replace it.");
        var foreign = entries.Where(name => !IsRunFile(name)).ToArray();
        if (foreign.Length > 0)
            throw new CifarException($"--force: {directory} holds files a run does not write ({Listed(foreign)}); nothing was deleted: move them, or choose another --out.");
    }

    /// <summary>With <c>--force</c>, deletes the previous run's files; called when training starts, once the data has loaded.</summary>
    public static void ClearIfForced(string directory, bool force)
    {
        if (!force) return;
        foreach (var name in Entries(directory).Where(IsRunFile)) File.Delete(Path.Combine(directory, name));
    }

    static IReadOnlyList<string> Entries(string directory) => Directory.Exists(directory)
        ? Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
        : [];

    // The run's own files, the evaluation a test folder adds, and the temp files an interrupted atomic write leaves (".name.guid.tmp").
    static bool IsRunFile(string name) =>
        RunFolder.FileNames.Contains(name) || name is EvaluationFiles.Json or EvaluationFiles.ConfusionMatrix || (name.StartsWith('.') && name.EndsWith(".tmp"));

    static string Listed(IReadOnlyList<string> names) => string.Join(", ", names.Take(3)) + (names.Count > 3 ? ", …" : "");
}
