using System.Globalization;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Experiments;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

public class MixedRecipeExperimentTests
{
    /// <summary>A study model and a fast model in one experiment: each trains with its own recipe on its recipe's split, and the report says which is which.</summary>
    [RealDataFact]
    public void Each_model_trains_with_its_own_recipe_and_the_report_describes_each_recipe_and_split()
    {
        using var temp = new TempDirectory();
        var options = new ExperimentOptions
        {
            Models = ExperimentModel.FromZoo(["cnn-3x3", "fast-half"], recipe => recipe with { Epochs = 1 }),
            Seeds = 1,
            TrainLimit = 1_000,
            TestLimit = 200,
            OutputDirectory = temp.File("experiment"),
        };
        var results = ExperimentRunner.Run(TestData.Real, options);

        var cnn = results.Models.Single(m => m.Model == "cnn-3x3");
        var fast = results.Models.Single(m => m.Model == "fast-half");
        Assert.Equal(("study", "fast"), (cnn.Recipe, fast.Recipe));
        var study = cnn.Seeds[0].Results.Split;
        var fastSplit = fast.Seeds[0].Results.Split;
        Assert.True(fastSplit.ValidationCount < study.ValidationCount, $"fast holds out {fastSplit.ValidationCount}, the study {study.ValidationCount}");
        // Each run records its arithmetic: the study in float32; the fast recipe's 'auto' is resolved for this CPU.
        Assert.Equal(TrainingPrecision.Float32, cnn.Seeds[0].Results.Precision);
        Assert.Equal(Core.Runtime.BFloat16Support.Resolve(TrainingPrecision.Auto, TorchSharp.DeviceType.CPU), fast.Seeds[0].Results.Precision);
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var report = File.ReadAllText(Path.Combine(options.OutputDirectory, "report.md"));
        Assert.Contains("`cnn-3x3` trains with the study recipe: Adam (lr 0.001), batch 128, at most 1 epochs", report);
        Assert.Contains("`fast-half` trains with the fast recipe: SGD with Nesterov momentum", report);
        Assert.Contains($"Data: {N(study.TrainCount)} training / {N(study.ValidationCount)} validation (stratified)", report);
        Assert.Contains($"Data: {N(fastSplit.TrainCount)} training / {N(fastSplit.ValidationCount)} validation (stratified)", report);
        // The fast recipe's accuracy is over 6 test-time views; its single-view accuracy stands beside it, the study's is the same.
        var fastResults = fast.Seeds[0].Results;
        Assert.Equal((6, 1), (fastResults.TestViews, cnn.Seeds[0].Results.TestViews));
        Assert.Null(cnn.Seeds[0].Results.SingleViewTestAccuracy);
        Assert.Contains("| Model | Seed | Test accuracy (views) | One view |", report);
        static string P(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + " %";
        Assert.Contains($"| `fast-half` | 42 | {P(fastResults.TestAccuracy)} (6) | {P(fastResults.SingleViewTestAccuracy!.Value)} |", report);
    }
}
