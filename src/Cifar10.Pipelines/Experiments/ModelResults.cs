using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Experiments;

/// <summary>A model's results over seeds (means ± standard deviations) plus the per-seed numbers; <c>Recipe</c> names its recipe and <c>Training</c> describes it.</summary>
public sealed record ModelResults(
    string Model,
    string Description,
    string Recipe,
    string Training,
    long TotalParameters,
    long TrainableParameters,
    long ForwardMultiplyAdds,
    SampleSummary TestAccuracy,
    SampleSummary TestLoss,
    SampleSummary MacroAccuracy,
    SampleSummary Top3Accuracy,
    SampleSummary LogLossReduction,
    SampleSummary SecondsPerEpoch,
    SampleSummary EpochsRun,
    SampleSummary BestEpoch,
    SampleSummary GeneralisationGap,
    IReadOnlyList<double> PerClassRecall,
    IReadOnlyList<SeedResult> Seeds)
{
    /// <summary>Aggregates the seed runs of one model.</summary>
    public static ModelResults From(ExperimentModel experimentModel, IReadOnlyList<SeedResult> seeds)
    {
        SampleSummary Of(Func<Runs.RunResults, double> pick) => SampleSummary.Of(seeds.Select(s => pick(s.Results)).ToArray());
        var classes = seeds[0].Results.TestMetrics.PerClassRecall.Count;
        var perClass = Enumerable.Range(0, classes).Select(c => seeds.Average(s => s.Results.TestMetrics.PerClassRecall[c])).ToArray();
        var model = experimentModel.Definition;
        return new ModelResults(model.Id, model.Description, experimentModel.Recipe.Name, experimentModel.Recipe.Describe(), model.TotalParameters, model.TrainableParameters, model.MultiplyAdds,
            Of(r => r.TestAccuracy), Of(r => r.TestLoss), Of(r => r.TestMetrics.MacroAccuracy), Of(r => r.TestMetrics.TopKAccuracy),
            Of(r => r.TestMetrics.LogLossReduction), Of(r => r.SecondsPerEpoch), Of(r => r.EpochsRun), Of(r => r.BestEpoch),
            Of(r => r.GeneralisationGap), perClass, seeds);
    }
}
