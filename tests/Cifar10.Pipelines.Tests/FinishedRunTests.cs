using Cifar10.Core;
using Cifar10.Pipelines.Plots;
using Cifar10.Pipelines.Runs;
using Cifar10.Tests.Shared;
using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

public class FinishedRunTests
{
    [Fact]
    public void A_run_folder_reads_back_with_its_minutes_per_epoch_and_test_accuracy()
    {
        using var temp = new TempDirectory();
        GeneratedRunFolder.Write(temp.File("fast-s42"), "fast", 42, 0.9038, 180, 120, 60);
        var run = Assert.Single(FinishedRun.Find(temp.File("fast-s42")));
        Assert.Equal(("fast-s42", "fast", 42, 0.9038), (run.Name, run.Model, run.Seed, run.TestAccuracy));
        Assert.Equal([3.0, 5.0, 6.0], run.History.EpochEndMinutes());
        Assert.Equal(6.0, run.TrainingMinutes, 9);
    }

    [Fact]
    public void A_folder_above_runs_yields_every_run_below_it_named_by_relative_path()
    {
        using var temp = new TempDirectory();
        GeneratedRunFolder.Write(temp.File(Path.Combine("cnn-3x3", "seed-2")), "cnn-3x3", 2, 0.7, 30);
        GeneratedRunFolder.Write(temp.File(Path.Combine("cnn-3x3", "seed-1")), "cnn-3x3", 1, 0.71, 30, 30);
        Directory.CreateDirectory(temp.File("plots")); // a folder without a history is not a run
        var runs = FinishedRun.Find(temp.Path);
        Assert.Equal(["cnn-3x3/seed-1", "cnn-3x3/seed-2"], runs.Select(r => r.Name.Replace('\\', '/')));
        Assert.Equal([2, 1], runs.Select(r => r.History.Epochs.Count));
    }

    [Fact]
    public void Missing_empty_or_foreign_files_give_one_line_errors_naming_the_file()
    {
        using var temp = new TempDirectory();
        Assert.Equal($"{temp.File("nope")}: no such folder.", Assert.Throws<CifarException>(() => FinishedRun.Find(temp.File("nope"))).Message);
        Assert.Equal($"{temp.Path}: no run folders (with a training history) in it or below it.", Assert.Throws<CifarException>(() => FinishedRun.Find(temp.Path)).Message);

        var run = temp.File("run");
        GeneratedRunFolder.Write(run, "fast", 1, 0.9, 10);
        File.Delete(Path.Combine(run, "results.json"));
        Assert.Equal($"{Path.Combine(run, "results.json")}: file is missing.", Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);

        File.WriteAllText(Path.Combine(run, "results.json"), """{ "models": [], "protocol": {} }"""); // an experiment's results.json
        Assert.Equal($"{Path.Combine(run, "results.json")}: not a training run's results (no model or testAccuracy).", Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);

        File.WriteAllText(Path.Combine(run, "history.json"), """{ "epochs": [ { "epoch": 1, "trainLoss": """); // truncated
        Assert.StartsWith($"{Path.Combine(run, "history.json")}: not a valid training history (", Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);

        File.WriteAllText(Path.Combine(run, "history.json"), """{ "epochs": [], "bestEpoch": 0, "stoppedEarly": false, "totalSeconds": 0 }""");
        Assert.Equal($"{Path.Combine(run, "history.json")}: no epochs recorded.", Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);
    }

    [Fact]
    public void A_run_without_its_manifest_or_with_a_file_it_does_not_list_is_refused()
    {
        using var temp = new TempDirectory();
        var run = temp.File("run");
        GeneratedRunFolder.Write(run, "fast", 1, 0.9, 10, 20);
        GeneratedRunFolder.Write(temp.File("other"), "fast", 2, 0.8, 10);
        File.Copy(Path.Combine(temp.File("other"), "history.json"), Path.Combine(run, "history.json"), overwrite: true); // another run's history
        Assert.Equal($"{Path.Combine(run, "history.json")}: changed since the run finished (its SHA-256 differs from manifest.json); the folder mixes files of different runs.",
            Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);

        File.Delete(Path.Combine(run, "manifest.json"));
        Assert.Equal($"{run}: not a finished run (no manifest.json): it was interrupted, is still being written, or predates manifests; resume or retrain it.",
            Assert.Throws<CifarException>(() => FinishedRun.Find(run)).Message);
    }

    [Fact]
    public void Accuracy_by_time_renders_runs_of_different_lengths_with_and_without_a_target()
    {
        using var temp = new TempDirectory();
        GeneratedRunFolder.Write(temp.File("a"), "fast", 1, 0.9, 180, 180, 180);
        GeneratedRunFolder.Write(temp.File("b"), "cnn-3x3", 1, 0.75, 40);
        var runs = FinishedRun.Find(temp.Path);
        AccuracyByTimePlot.Save(temp.File("with-target.png"), runs, targetPercent: 93);
        using var withTarget = PngAssert.Readable(temp.File("with-target.png"), minColours: 50, AccuracyByTimePlot.Width, AccuracyByTimePlot.HeightFor(2, withTarget: true));
        AccuracyByTimePlot.Save(temp.File("plain.png"), runs.Take(1).ToArray());
        using var plain = PngAssert.Readable(temp.File("plain.png"), minColours: 20, AccuracyByTimePlot.Width, AccuracyByTimePlot.HeightFor(1, withTarget: false));
        var secondRunColour = new SKColor(0xff, 0x7f, 0x0e); // Category10's second colour: run b is drawn only in the first figure
        Assert.Contains(secondRunColour, PngAssert.Colours(withTarget));
        Assert.DoesNotContain(secondRunColour, PngAssert.Colours(plain));
        Assert.True(AccuracyByTimePlot.HeightFor(12, withTarget: true) > AccuracyByTimePlot.HeightFor(6, withTarget: true), "a longer legend needs a taller figure");
    }
}
