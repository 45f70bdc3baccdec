using Cifar10.Pipelines.Experiments;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// The full-scale study (≈ 45 minutes on 2 cores). Excluded from `dotnet test` by default; run with
/// <c>dotnet test -c Release --filter Category=Reproduction</c>.
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
}
