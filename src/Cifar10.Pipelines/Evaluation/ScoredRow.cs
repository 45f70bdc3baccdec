namespace Cifar10.Pipelines.Evaluation;

/// <summary>One scored example as ML.NET's evaluator reads it before keys are mapped.</summary>
internal sealed class ScoredRow
{
    public string Label { get; set; } = "";
    public float[] Score { get; set; } = [];
    public string PredictedLabel { get; set; } = "";
}
