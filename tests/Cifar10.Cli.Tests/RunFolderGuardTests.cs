using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>
/// A run folder never silently loses or mixes results: training into a folder that holds files needs
/// --resume or --force, a resume needs a checkpoint and the run's own settings, and readers of a finished
/// run check its manifest.json.
/// </summary>
public class RunFolderGuardTests
{
    static readonly string[] QuickDense = ["train", "--model", "dense", "--train-limit", "500", "--epochs", "1"];

    static string TrainQuickRun(TempDirectory temp)
    {
        var run = temp.File("run");
        Succeeds(temp, [.. QuickDense, "--out", run]);
        return run;
    }

    static void Succeeds(TempDirectory temp, params string[] args)
    {
        var result = CliProcess.Run(temp.Path, args);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    static int Epochs(string run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "history.json")));
        return json.RootElement.GetProperty("epochs").GetArrayLength();
    }

    [Fact]
    public void A_folder_that_holds_a_run_is_refused_without_resume_or_force_and_replaced_with_force()
    {
        using var temp = new TempDirectory();
        var run = TrainQuickRun(temp);
        var before = File.ReadAllBytes(Path.Combine(run, "model.bin"));

        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. QuickDense, "--out", run]),
            $"--out {run}: already holds files (checkpoint.bin, history.csv, history.json, …); pass --resume to continue the run in it, or --force to replace it.");
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, "model.bin")));

        Succeeds(temp, [.. QuickDense, "--out", run, "--force", "--seed", "5"]);
        Assert.Equal(5, new RunFolder(run).ReadCard().Seed);
        Assert.Equal(1, Epochs(run)); // replaced, not continued
        new RunFolder(run).VerifyFinished(Path.Combine(run, "model.bin"), Path.Combine(run, "history.json"));
    }

    [Fact]
    public void Force_refuses_a_folder_with_files_a_run_does_not_write_and_deletes_nothing()
    {
        using var temp = new TempDirectory();
        var run = TrainQuickRun(temp);
        File.WriteAllText(Path.Combine(run, "notes.txt"), "mine");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. QuickDense, "--out", run, "--force"]),
            $"--force: {run} holds files a run does not write (notes.txt); nothing was deleted: move them, or choose another --out.");
        Assert.True(File.Exists(Path.Combine(run, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(run, "model.bin")));
    }

    [Fact]
    public void Resume_without_a_checkpoint_is_an_error_not_a_fresh_start()
    {
        using var temp = new TempDirectory();
        var empty = Directory.CreateDirectory(temp.File("empty")).FullName;
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. QuickDense, "--out", empty, "--resume"]),
            $"--resume: {empty} has no checkpoint to continue from (checkpoint.bin); leave out --resume to start a new run.");
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Fact]
    public void Resume_with_a_changed_setting_is_refused_naming_the_option_and_both_values()
    {
        using var temp = new TempDirectory();
        var run = TrainQuickRun(temp);
        var checkpoint = Path.Combine(run, "checkpoint.bin");
        var cases = new (string[] Arguments, string Expected)[]
        {
            ([.. QuickDense, "--lr", "0.01"], $"--lr 0.01: the run being resumed ({checkpoint}) was trained with 0.001; only the number of epochs may change when resuming."),
            ([.. QuickDense, "--batch-size", "64"], $"--batch-size 64: the run being resumed ({checkpoint}) was trained with 128; only the number of epochs may change when resuming."),
            (["train", "--model", "dense", "--train-limit", "600", "--epochs", "1"], $"--train-limit 600: the run being resumed ({checkpoint}) was trained with 500; only the number of epochs may change when resuming."),
            (["train", "--model", "cnn-3x3", "--train-limit", "500", "--epochs", "1"], $"--model cnn-3x3: the run being resumed ({checkpoint}) was trained with dense; only the number of epochs may change when resuming."),
        };
        foreach (var (arguments, expected) in cases)
            BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, [.. arguments, "--out", run, "--resume"]), expected);
        // A refused resume leaves the finished run as it was, manifest included.
        new RunFolder(run).VerifyFinished(Path.Combine(run, "history.json"), Path.Combine(run, "results.json"));
    }

    [Fact]
    public void Resuming_a_finished_run_with_more_epochs_trains_on_to_the_new_count()
    {
        using var temp = new TempDirectory();
        var run = TrainQuickRun(temp);
        Succeeds(temp, "train", "--model", "dense", "--train-limit", "500", "--epochs", "3", "--out", run, "--resume");
        Assert.Equal(3, Epochs(run));
        new RunFolder(run).VerifyFinished(Path.Combine(run, "history.json"), Path.Combine(run, "results.json"), Path.Combine(run, "model.bin"));
    }

    [Fact]
    public void Compare_export_and_evaluate_refuse_a_run_whose_manifest_is_missing_or_does_not_match()
    {
        using var temp = new TempDirectory();
        var run = TrainQuickRun(temp);
        var manifest = Path.Combine(run, "manifest.json");

        // export rewrites model.onnx, and the manifest with it: the folder stays a finished run.
        Succeeds(temp, "export", "--run", run);
        new RunFolder(run).VerifyFinished(Path.Combine(run, "model.onnx"));

        var results = Path.Combine(run, "results.json");
        File.AppendAllText(results, " ");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "compare", run, "--out", temp.File("c.png")),
            $"{results}: changed since the run finished (its SHA-256 differs from manifest.json); the folder mixes files of different runs.");

        File.Delete(manifest);
        var unfinished = $"{run}: not a finished run (no manifest.json): it was interrupted, is still being written, or predates manifests; resume or retrain it.";
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "compare", run, "--out", temp.File("c.png")), unfinished);
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "export", "--run", run), unfinished);
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "evaluate", "--model", Path.Combine(run, "model.onnx"), "--test-limit", "10"), unfinished);
    }

    [Fact]
    public void Training_on_image_folders_guards_its_run_folder_the_same_way_before_reading_any_image()
    {
        using var temp = new TempDirectory();
        var images = Directory.CreateDirectory(temp.File("photos")).FullName; // empty: the guard speaks before the images are read
        var run = Directory.CreateDirectory(temp.File("run")).FullName;
        File.WriteAllText(Path.Combine(run, "history.json"), "{}");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "train", "--images", images, "--out", run),
            $"--out {run}: already holds files (history.json); pass --resume to continue the run in it, or --force to replace it.");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "train", "--images", images, "--out", run, "--resume"),
            $"--resume: {run} has no checkpoint to continue from (checkpoint.bin); leave out --resume to start a new run.");
        BadInputTests.AssertOneLineError(CliProcess.Run(temp.Path, "train", "--images", images, "--out", run, "--resume", "--force"),
            "--resume and --force: give one (--resume continues the run in the folder, --force replaces it).");
    }
}
