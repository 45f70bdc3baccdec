using System.Diagnostics;
using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments;

/// <summary>
/// Runs an experiment: every model × every seed, each with its recipe, then aggregates, compares,
/// diagnoses and writes <c>results.json</c>, <c>report.md</c> and the plots.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the experiment on <paramref name="data"/> and writes its folder; <paramref name="callbacksFor"/> gives each run's extra callbacks (progress).</summary>
    public static ExperimentResults Run(ImageDataset data, ExperimentOptions options, Func<ExperimentRun, IEnumerable<ITrainingCallback>>? callbacksFor = null, CancellationToken cancel = default)
    {
        options.Validate();
        AtomicFile.EnsureDirectory(options.OutputDirectory);
        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, ExperimentOptions.OptionsFile), JsonSerializer.Serialize(new
        {
            Models = options.Models.Select(m => new { m.Definition.Id, Recipe = (object)m.Recipe }),
            Seeds = options.SeedList,
            options.TrainLimit,
            options.TestLimit,
        }, RunFolder.Json));
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var seeds = options.SeedList;
        var runCount = options.Models.Count * seeds.Count;
        var models = new List<ModelResults>();
        var firstSeeds = new Dictionary<string, TrainingRunOutcome>();
        var diagnosis = new List<DiagnosisRow>();
        using var test = data.Test.Take(options.TestLimit ?? data.Test.Count);
        foreach (var model in options.Models)
        {
            var seedResults = new List<SeedResult>();
            foreach (var seed in seeds)
            {
                var directory = Path.Combine(options.OutputDirectory, model.Definition.Id, $"seed-{seed}");
                var request = new RunRequest(model.Definition, model.Recipe, new RunFolder(directory))
                {
                    Seed = seed, Device = options.Device, TrainLimit = options.TrainLimit, TestLimit = options.TestLimit, Resume = options.Resume,
                };
                var run = new ExperimentRun(model.Definition.Id, seed, models.Count * seeds.Count + seedResults.Count, runCount);
                using var trained = TrainingRun.Train(data, request, callbacksFor?.Invoke(run), cancel);
                var outcome = TrainingRun.Package(trained, TrainingRun.Evaluate(trained));
                if (firstSeeds.TryAdd(model.Definition.Id, outcome) && options.Diagnose)
                    diagnosis.AddRange(ScalingDiagnosis.Run(trained));
                seedResults.Add(new SeedResult(seed, Path.GetRelativePath(options.OutputDirectory, directory), outcome.Results));
            }
            models.Add(ModelResults.From(model, seedResults));
        }

        var setup = new ExperimentSetup(seeds, options.TrainLimit, options.TestLimit, options.Device.type.ToString(), TorchSharp.torch.get_num_threads());
        var results = new ExperimentResults(started, clock.Elapsed.TotalMinutes, setup, models, PairComparison.Method,
            PairComparison.AllPairs(models), diagnosis, VersionInfo.Current());

        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, ExperimentResults.FileName), JsonSerializer.Serialize(results, RunFolder.Json));
        ExperimentPlots.Write(options.OutputDirectory, results, firstSeeds, test, data.ClassNames);
        Reports.ExperimentReport.Write(options.OutputDirectory, results);
        return results;
    }
}
