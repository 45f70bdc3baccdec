using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>
/// The trainer became recipes and callbacks; what it computes must not have moved. Short real-data
/// runs of the study models (one that hits the plateau schedule and early stopping) and of the fast
/// recipe, with the same seed and 2 threads, must give exactly the per-epoch history and test numbers
/// the code before the change gave (Fixtures/histories-before-callbacks.&lt;isa&gt;.json). Exactly, so one
/// fixture per instruction set: libtorch's CPU kernels (MKL, oneDNN) are chosen by the processor's vector
/// width, and AVX-512 and AVX2 kernels sum in different orders (the dense run's second-epoch loss differs in
/// the 9th digit, and BatchNorm carries that into the CNN's first epoch). A machine of neither kind fails
/// with the missing fixture's name: make it with commit 7c8cbda and the arguments in the fixture.
/// </summary>
public class HistoryFixtureTests
{
    sealed record FixtureRun(string Name, string[] Arguments, EpochRecord[] Epochs, int BestEpoch, bool StoppedEarly, double TestAccuracy, double TestLoss, double TrainInferenceAccuracy);
    sealed record Fixture(string MadeWith, FixtureRun[] Runs);

    static readonly string InstructionSet = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "avx512" : "avx2";

    static readonly Fixture Before = JsonSerializer.Deserialize<Fixture>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"histories-before-callbacks.{InstructionSet}.json")), RunFolder.Json)!;

    public static TheoryData<string> Runs => new(Before.Runs.Select(r => r.Name));

    [RealDataTheory]
    [MemberData(nameof(Runs))]
    public void A_short_run_gives_the_same_history_and_test_numbers_as_before_the_trainer_became_callbacks(string name)
    {
        var expected = Before.Runs.Single(r => r.Name == name);
        using var temp = new TempDirectory();
        var result = CliProcess.Run(temp.Path, [.. expected.Arguments, "--out", "run"]);
        Assert.True(result.ExitCode == 0, result.ToString());

        var folder = new RunFolder(temp.File("run"));
        var history = folder.ReadHistory();
        Assert.Equal(expected.Epochs, history.Epochs.Select(e => e with { Seconds = 0 }));
        Assert.Equal((expected.BestEpoch, expected.StoppedEarly), (history.BestEpoch, history.StoppedEarly));
        var results = folder.ReadResults<TestNumbers>();
        Assert.Equal((expected.TestAccuracy, expected.TestLoss, expected.TrainInferenceAccuracy), (results.TestAccuracy, results.TestLoss, results.TrainInferenceAccuracy));
    }

    sealed record TestNumbers(double TestAccuracy, double TestLoss, double TrainInferenceAccuracy);
}
