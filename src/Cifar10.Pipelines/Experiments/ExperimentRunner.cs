using System.Diagnostics;
using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments;

/// <summary>
/// Runs the study: every model × every seed under one protocol, then aggregates, compares,
/// diagnoses and writes <c>results.json</c>, <c>report.md</c> and the plots.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the experiment on <paramref name="data"/> and writes its folder.</summary>
    public static ExperimentResults Run(CifarDataset data, ExperimentOptions options, IProgress<ExperimentProgress>? progress = null, CancellationToken cancel = default)
    {
        var definitions = options.Validate();
        AtomicFile.EnsureDirectory(options.OutputDirectory);
        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, ExperimentOptions.OptionsFile),
            JsonSerializer.Serialize(new { options.Models, Seeds = options.SeedList, options.TrainLimit, options.Normalize, Protocol = options.Protocol }, ModelCard.Json));
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var seeds = options.SeedList;
        var runCount = definitions.Count * seeds.Count;
        var models = new List<ModelResults>();
        var outcomes = new Dictionary<string, TrainingRunOutcome>();
        int runIndex = 0;
        foreach (var definition in definitions)
        {
            var seedResults = new List<SeedResult>();
            foreach (var seed in seeds)
            {
                var directory = Path.Combine(options.OutputDirectory, definition.Id, $"seed-{seed}");
                var (runProtocol, normalize) = options.ProtocolFor(definition.Id);
                var request = new TrainRequest(definition, runProtocol with { Seed = seed }, options.Device, directory, normalize, options.TrainLimit, options.TestLimit, options.Resume);
                var index = runIndex++;
                var runProgress = progress is null ? null : new RelayProgress(p => progress.Report(new ExperimentProgress(definition.Id, seed, index, runCount, p)));
                var outcome = TrainingRun.Execute(data, request, runProgress, cancel);
                outcomes.TryAdd(definition.Id, outcome); // the first seed's outcome feeds the per-model plots
                seedResults.Add(new SeedResult(seed, Path.GetRelativePath(options.OutputDirectory, directory), outcome.Results));
            }
            models.Add(ModelResults.From(definition, seedResults));
        }

        using var test = data.Test.Take(options.TestLimit ?? data.Test.Count);
        var diagnosis = options.Diagnose
            ? models.SelectMany(m => ScalingDiagnosis.Run(Path.Combine(options.OutputDirectory, m.Seeds[0].RunDirectory), test, options.Device)).ToArray()
            : [];
        // The protocol line describes the study's models; the fast models' own split is reported beside it.
        var split = (models.FirstOrDefault(m => !ExperimentOptions.UsesFastRecipe(m.Model)) ?? models[0]).Seeds[0].Results.Split;
        var protocol = new ProtocolDescription(options.Protocol.Epochs, options.Protocol.BatchSize, options.Protocol.LearningRate,
            options.Protocol.EarlyStoppingPatience, options.Protocol.LearningRatePatience, options.Protocol.LearningRateFactor,
            options.Protocol.MinLearningRate, seeds, options.TrainLimit, split.TrainCount, split.ValidationCount, split.TestCount,
            options.Normalize, options.Device.type.ToString(), TorchSharp.torch.get_num_threads());
        var results = new ExperimentResults(started, clock.Elapsed.TotalMinutes, protocol, models, PairComparison.Method,
            PairComparison.AllPairs(models), diagnosis, VersionInfo.Current());

        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, "results.json"), JsonSerializer.Serialize(results, ModelCard.Json));
        ExperimentPlots.Write(options.OutputDirectory, results, outcomes, test, data.ClassNames);
        Reports.ExperimentReport.Write(options.OutputDirectory, results);
        return results;
    }

    sealed class RelayProgress(Action<Core.Training.TrainingProgress> report) : IProgress<Core.Training.TrainingProgress>
    {
        public void Report(Core.Training.TrainingProgress value) => report(value);
    }
}
