using System.Diagnostics;
using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// Runs the architecture suite: every cell of the chosen parts × every seed, one at a time (so each
/// run repeats for its seed), then writes <c>results.json</c>, <c>claims.md</c> and the figures. Each
/// finished run leaves <c>suite-run.json</c> in its folder; with <see cref="ArchitectureSuiteOptions.Resume"/>
/// those runs are read back instead of trained again, and an interrupted one continues from its checkpoint.
/// </summary>
public static class ArchitectureSuiteRunner
{
    /// <summary>The options file written when a suite starts, so a resumed suite can be found.</summary>
    public const string OptionsFile = "suite.json";

    /// <summary>Runs the suite on <paramref name="data"/>; <paramref name="callbacksFor"/> gives each run's extra callbacks (progress).</summary>
    public static ArchitectureSuiteResults Run(ImageDataset data, ArchitectureSuiteOptions options,
        Func<ExperimentRun, IEnumerable<ITrainingCallback>>? callbacksFor = null, CancellationToken cancel = default)
    {
        options.Validate(data.Train.Size);
        var cells = SuitePlan.Cells(options);
        AtomicFile.EnsureDirectory(options.OutputDirectory);
        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, OptionsFile), JsonSerializer.Serialize(new
        {
            Parts = options.Parts.Select(SuiteParts.Name), Seeds = options.SeedList, options.TrainImages, options.TestLimit, options.SampleSizes, options.Epochs,
            options.Shifts, options.PermutationSeed, Cells = cells.Select(c => c.NameFor(options.TrainImages)),
        }, RunFolder.Json));
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var permuted = cells.Any(c => c.Permuted) ? new PixelPermutation(data.Train.Size, options.PermutationSeed).Apply(data) : null;
        var runs = new List<SuiteRunResult>();
        var readBack = 0;
        var count = cells.Count * options.Seeds;
        foreach (var cell in cells)
            foreach (var seed in options.SeedList)
            {
                var progress = new ExperimentRun(cell.NameFor(options.TrainImages), seed, runs.Count, count);
                var (run, wasReadBack) = RunCell(cell.Permuted ? permuted! : data, cell, seed, options, callbacksFor?.Invoke(progress) ?? [], cancel);
                runs.Add(run);
                if (wasReadBack) readBack++;
            }
        var results = ArchitectureSuiteResults.From(options, cells, runs, Math.Min(options.TestLimit ?? data.Test.Count, data.Test.Count), started, clock.Elapsed.TotalMinutes, TorchSharp.torch.get_num_threads())
            with { RunsReadBack = readBack };
        SuiteReport.Write(options.OutputDirectory, results);
        return results;
    }

    static (SuiteRunResult Run, bool ReadBack) RunCell(ImageDataset data, SuiteCell cell, int seed, ArchitectureSuiteOptions options,
        IEnumerable<ITrainingCallback> callbacks, CancellationToken cancel)
    {
        var folder = new RunFolder(Path.Combine(options.OutputDirectory, cell.NameFor(options.TrainImages), $"seed-{seed}"));
        var resultPath = Path.Combine(folder.Path, SuiteRunResult.FileName);
        if (options.Resume && File.Exists(resultPath))
            return (JsonSerializer.Deserialize<SuiteRunResult>(File.ReadAllText(resultPath), RunFolder.Json)
                ?? throw new Core.CifarException($"{resultPath}: empty suite run file; delete it to train the run again."), true);

        var definition = cell.Definition;
        var recipe = ModelZoo.DefaultRecipe(definition.Id) with { Epochs = options.Epochs };
        var request = new RunRequest(definition, recipe, folder)
        {
            Seed = seed, Device = options.Device, TrainLimit = ArchitectureSuiteOptions.TrainLimitFor(cell.TrainImages), TestLimit = options.TestLimit, Resume = options.Resume,
        };
        LastEpochProbe? probe = null;
        using var trained = TrainingRun.Train(data, request, split =>
        {
            probe = new LastEpochProbe(split.Train, split.Test, InputScaling.Fit(recipe.InputScaling, split.Train), recipe.EvaluationBatchSize);
            return [probe, .. callbacks];
        }, cancel);
        var evaluation = TrainingRun.Evaluate(trained);
        var results = RunResults.From(trained, evaluation);
        folder.WriteHistory(trained.History);
        folder.WriteResults(results);
        var shifted = SuitePlan.MeasuresShifts(cell, options) ? ShiftedAccuracy(trained, options.Shifts) : null;
        var run = new SuiteRunResult(cell.NameFor(options.TrainImages), seed, results.Split.TrainCount, results.TestAccuracy, results.TestLoss,
            results.TrainInferenceAccuracy, results.ValidationAccuracy, results.EpochsRun, results.BestEpoch, results.TrainingSeconds,
            probe?.Measurement, shifted);
        AtomicFile.WriteAllText(resultPath, JsonSerializer.Serialize(run, RunFolder.Json));
        folder.WriteManifest(); // last, as every run folder's: compare reads these cells
        return (run, false);
    }

    static Dictionary<int, double> ShiftedAccuracy(TrainedRun run, IReadOnlyList<int> shifts)
    {
        var accuracy = new Dictionary<int, double>();
        foreach (var shift in shifts.Distinct().Order())
        {
            using var images = ImageShift.Apply(run.Split.Test, shift);
            accuracy[shift] = ModelEvaluator.Evaluate(run.Module, images, run.Scaling, run.Request.Device, run.Request.Recipe.EvaluationBatchSize).Accuracy;
        }
        return accuracy;
    }
}
