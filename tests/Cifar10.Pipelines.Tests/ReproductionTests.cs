using Cifar10.Pipelines.Experiments;
using Cifar10.Pipelines.Experiments.Architecture;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// Long reproductions, excluded from `dotnet test` by default; run with
/// <c>dotnet test -c Release --filter Category=Reproduction</c>: the full-scale study (≈ 45 minutes
/// on 2 cores) and the locality and translation parts of the architecture suite at its default size
/// (≈ 22 minutes in the test host here).
/// </summary>
public class ReproductionTests
{
    [Fact]
    [Trait("Category", "Reproduction")]
    public void Full_protocol_puts_the_3x3_cnn_between_72_and_78_percent()
    {
        using var temp = new TempDirectory();
        var results = ExperimentRunner.Run(TestData.Real, new ExperimentOptions { OutputDirectory = temp.File("study") });
        var cnn = results.Models.Single(m => m.Model == "cnn-3x3").TestAccuracy.Mean;
        Assert.InRange(cnn, 0.72, 0.78);
        Assert.True(results.Models.Single(m => m.Model == "dense").TestAccuracy.Mean < cnn);
    }

    [Fact]
    [Trait("Category", "Reproduction")]
    public void Architecture_suite_supports_locality_and_parameter_efficiency_at_its_default_size()
    {
        using var temp = new TempDirectory();
        var options = new ArchitectureSuiteOptions { OutputDirectory = temp.File("suite"), Parts = [SuitePart.Locality, SuitePart.Translation] };
        var results = ArchitectureSuiteRunner.Run(TestData.Real, options);
        Verdict VerdictOf(string start) => results.Claims.Single(c => c.Statement.StartsWith(start, StringComparison.Ordinal)).Verdict;

        Assert.Equal(Verdict.Supported, VerdictOf("A CNN relies on locality"));
        Assert.Equal(Verdict.Supported, VerdictOf("Parameter efficiency"));
        // A dense network sees pixel positions as unordered inputs: permuting them moves its accuracy by seed noise only.
        Assert.NotEqual(Verdict.Contradicted, VerdictOf("A dense network does not use locality"));
        var cnn = results.Cell("cnn-3x3")!;
        Assert.True(cnn.TestAccuracy.Mean - results.Cell("cnn-3x3", permuted: true)!.TestAccuracy.Mean > 0.10, "permuting pixels should cost the CNN more than 10 points");
        Assert.True(cnn.ShiftedTestAccuracy![8].Mean < cnn.ShiftedTestAccuracy[0].Mean, "an 8-pixel shift should cost the CNN accuracy");
    }
}
