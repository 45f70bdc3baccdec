using Cifar10.Core;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// A finished training run read back from its folder (<c>history.json</c> and <c>results.json</c>):
/// what comparing runs by training time needs.
/// </summary>
public sealed record FinishedRun(string Name, string Model, int Seed, TrainingHistory History, double TestAccuracy)
{
    /// <summary>Training time in minutes, summed over the epochs (evaluation after training excluded).</summary>
    public double TrainingMinutes => History.TotalSeconds / 60;

    /// <summary>Reads the run in <paramref name="directory"/>, named <paramref name="name"/> in tables and plots; a run without a matching <c>manifest.json</c> (unfinished, or its files replaced) is a one-line error.</summary>
    public static FinishedRun Load(string directory, string name)
    {
        var folder = new RunFolder(directory);
        var history = folder.ReadHistory();
        var results = folder.ReadResults<ResultsHeader>();
        if (results.Model is null || results.TestAccuracy is not double accuracy)
            throw new CifarException($"{folder.ResultsPath}: not a training run's results (no model or testAccuracy).");
        folder.VerifyFinished(folder.HistoryPath, folder.ResultsPath); // both files from one finished run, not from a run being rewritten
        return new FinishedRun(name, results.Model, results.Seed, history, accuracy);
    }

    /// <summary>
    /// Run folders under <paramref name="path"/>: the folder itself when it is one, else every
    /// folder below it that is (an experiment's <c>model/seed-N</c> runs), by path.
    /// </summary>
    public static IReadOnlyList<FinishedRun> Find(string path)
    {
        if (RunFolder.IsRun(path)) return [Load(path, FolderName(path))];
        if (!Directory.Exists(path)) throw new CifarException($"{path}: no such folder.");
        var runs = Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories)
            .Where(RunFolder.IsRun)
            .Order(StringComparer.Ordinal)
            .Select(directory => Load(directory, Path.GetRelativePath(path, directory)))
            .ToArray();
        return runs.Length > 0 ? runs : throw new CifarException($"{path}: no run folders (with a training history) in it or below it.");
    }

    static string FolderName(string path) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));

    // Only the fields a comparison needs: reading the whole RunResults would tie this to every metric's shape.
    sealed record ResultsHeader(string? Model, int Seed, double? TestAccuracy);
}
