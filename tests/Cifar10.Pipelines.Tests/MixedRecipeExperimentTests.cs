using System.Globalization;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Experiments;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

public class MixedRecipeExperimentTests
{
    /// <summary>A study model and a fast model in one experiment: each trains on its recipe's split, and the report says which is which.</summary>
    [RealDataFact]
    public void The_report_describes_the_fast_models_recipe_and_split_beside_the_study_protocol()
    {
        using var temp = new TempDirectory();
        var options = new ExperimentOptions
        {
            Models = ["cnn-3x3", "fast-half"],
            Seeds = 1,
            TrainLimit = 1_000,
            TestLimit = 200,
            Protocol = new TrainingOptions { Epochs = 1 },
            FastProtocol = TrainingRecipes.Fast.Options with { Epochs = 1 },
            OutputDirectory = temp.File("experiment"),
        };
        var results = ExperimentRunner.Run(TestData.Real, options);

        var study = results.Models.Single(m => m.Model == "cnn-3x3").Seeds[0].Results.Split;
        var fast = results.Models.Single(m => m.Model == "fast-half").Seeds[0].Results.Split;
        Assert.True(fast.ValidationCount < study.ValidationCount, $"fast holds out {fast.ValidationCount}, the study {study.ValidationCount}");
        Assert.Equal(study.TrainCount, results.Protocol.TrainImages);
        // Each run records its arithmetic: the study in float32, the fast recipe's options (used as they are here) in bfloat16.
        Assert.Equal("fp32", results.Models.Single(m => m.Model == "cnn-3x3").Seeds[0].Results.Precision);
        Assert.Equal("bf16", results.Models.Single(m => m.Model == "fast-half").Seeds[0].Results.Precision);
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var report = File.ReadAllText(Path.Combine(options.OutputDirectory, "report.md"));
        Assert.Contains($"{N(study.TrainCount)} training / {N(study.ValidationCount)} validation (stratified)", report);
        Assert.Contains("`fast-half` trains with the fast recipe instead", report);
        Assert.Contains($"on {N(fast.TrainCount)} training / {N(fast.ValidationCount)} validation images.", report);
    }
}
