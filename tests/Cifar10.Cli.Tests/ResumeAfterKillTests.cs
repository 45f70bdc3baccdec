using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>A training run killed with SIGKILL in the middle of an epoch resumes to exactly the uninterrupted result.</summary>
public class ResumeAfterKillTests
{
    static readonly string[] Train = ["train", "--model", "cnn-3x3", "--train-limit", "2000", "--test-limit", "1000", "--epochs", "3", "--seed", "11", "--threads", "2"];

    [Fact]
    public void Resume_after_sigkill_mid_epoch_equals_an_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        var killed = temp.File("killed");
        var straight = temp.File("straight");

        using (var process = CliProcess.Start(temp.Path, [.. Train, "--out", killed]))
        {
            // Kill without warning once epoch 1 is checkpointed and epoch 2 is under way. Output is
            // drained in the background (a full pipe would stall the child); the progress lines are
            // only a hint, as their rate depends on the terminal renderer.
            var epochTwoStarted = new ManualResetEventSlim();
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("epoch 2/3 batch") == true) epochTwoStarted.Set(); };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var checkpoint = Path.Combine(killed, "checkpoint.bin");
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (!File.Exists(checkpoint) && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.True(File.Exists(checkpoint), "no checkpoint was written after epoch 1");
            epochTwoStarted.Wait(TimeSpan.FromSeconds(1));
            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Assert.False(File.Exists(Path.Combine(killed, "results.json")), "the run finished before it was killed");
        Assert.Empty(Directory.GetFiles(killed, "*.tmp"));

        var resumed = CliProcess.Run(temp.Path, [.. Train, "--out", killed, "--resume"]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var uninterrupted = CliProcess.Run(temp.Path, [.. Train, "--out", straight]);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Stderr);

        Assert.Equal(HistoryWithoutTimes(straight), HistoryWithoutTimes(killed));
        using var a = new RunFolder(straight).LoadModel();
        using var b = new RunFolder(killed).LoadModel();
        foreach (var (name, tensor) in a.Module.state_dict())
            Assert.True(tensor.eq(b.Module.state_dict()[name]).all().item<bool>(), $"{name} differs after resume");
    }

    static string HistoryWithoutTimes(string run)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "history.json")));
        return string.Join("\n", json.RootElement.GetProperty("epochs").EnumerateArray().Select(e =>
            string.Join(",", e.EnumerateObject().Where(p => p.Name != "seconds").Select(p => $"{p.Name}={p.Value}"))));
    }
}
