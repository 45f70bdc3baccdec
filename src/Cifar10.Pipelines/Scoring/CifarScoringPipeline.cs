using Cifar10.Core.Export;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cifar10.Pipelines.Scoring;

/// <summary>
/// The ML.NET scoring pipeline: <c>record</c> (3,072 bytes, planar RGB) → ConvertType to float
/// <c>image</c> → ApplyOnnxModel → <c>probabilities</c>. Raw pixel values go in: the exported
/// graph scales them itself, so the pipeline needs no knowledge of the training normalisation.
/// </summary>
internal static class CifarScoringPipeline
{
    /// <summary>The estimator over an ONNX file that keeps the <see cref="OnnxContract"/>.</summary>
    public static IEstimator<ITransformer> Create(MLContext mlContext, string onnxPath) =>
        mlContext.Transforms.Conversion.ConvertType(OnnxContract.InputName, CifarRecordInput.ColumnName, DataKind.Single)
            .Append(mlContext.Transforms.ApplyOnnxModel(
                outputColumnNames: [OnnxContract.OutputName],
                inputColumnNames: [OnnxContract.InputName],
                modelFile: onnxPath));

    /// <summary>Fits the pipeline (nothing is learned; this binds the schema and loads the model).</summary>
    public static ITransformer Fit(MLContext mlContext, string onnxPath) =>
        Create(mlContext, onnxPath).Fit(EmptyInput(mlContext));

    /// <summary>An empty view with the pipeline's input schema.</summary>
    public static IDataView EmptyInput(MLContext mlContext) =>
        mlContext.Data.LoadFromEnumerable(Array.Empty<CifarRecordInput>());
}
