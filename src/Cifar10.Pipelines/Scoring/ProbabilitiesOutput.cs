using Cifar10.Core.Export;
using Microsoft.ML.Data;

namespace Cifar10.Pipelines.Scoring;

/// <summary>ML.NET output row: the ONNX model's class probabilities.</summary>
public sealed class ProbabilitiesOutput
{
    /// <summary>One probability per class, in label order.</summary>
    [ColumnName(OnnxContract.OutputName)]
    public float[] Probabilities { get; set; } = [];
}
