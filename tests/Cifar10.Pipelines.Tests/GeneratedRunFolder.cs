using System.Globalization;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// A small generated run folder (history.json, results.json and manifest.json as a training run writes them), for
/// edge cases of reading runs back without training one.
/// </summary>
public static class GeneratedRunFolder
{
    /// <summary>Writes a run of <paramref name="epochSeconds"/>.Length epochs into <paramref name="directory"/>; validation accuracy rises 0.1 per epoch from 0.3.</summary>
    public static TrainingHistory Write(string directory, string model, int seed, double testAccuracy, params double[] epochSeconds)
    {
        var epochs = epochSeconds.Select((seconds, i) => new EpochRecord(i + 1, 1.5 - 0.1 * i, 0.3 + 0.1 * i, 1.4 - 0.1 * i, 0.3 + 0.1 * i, 0.01, seconds)).ToArray();
        var history = new TrainingHistory(epochs, epochs.Length, StoppedEarly: false, epochSeconds.Sum());
        var folder = new RunFolder(directory).Create();
        folder.WriteHistory(history);
        File.WriteAllText(folder.ResultsPath,
            string.Create(CultureInfo.InvariantCulture, $$"""{ "model": "{{model}}", "seed": {{seed}}, "testAccuracy": {{testAccuracy}}, "testLoss": 0.5 }"""));
        folder.WriteManifest(); // last, as a finished run's
        return history;
    }
}
