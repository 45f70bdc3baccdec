using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Scoring;
using Microsoft.ML;
using TorchSharp;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// Writes a run's <c>model.zip</c>: the trained network as a plain ML.NET model (see <see cref="ImagePipeline"/>)
/// that reads an image file path from the text column <c>ImagePath</c> and adds <c>Score</c> and
/// <c>PredictedLabel</c>. Any app loads it with <c>mlContext.Model.Load</c>; <c>predict</c> and <c>serve</c> take it too.
/// </summary>
internal static class MlNetModelFile
{
    public const string ImageColumnName = "ImagePath";

    public static void Write(RunFolder folder, ModelDefinition definition, torch.nn.Module<torch.Tensor, torch.Tensor> module, InputScaling scaling, IReadOnlyList<string> classNames)
    {
        OnnxExporter.Write(OnnxExporter.BuildForMlNet(definition, module, scaling, classNames), folder.MlNetOnnxPath);
        var mlContext = new MLContext(seed: 0);
        var input = mlContext.Data.LoadFromEnumerable(Array.Empty<PathRow>());
        var chain = ImagePipeline.Fit(mlContext, input, ImageColumnName, imageIsPath: true, definition.Input.Dims[^1], folder.MlNetOnnxPath, classNames);
        AtomicFile.Write(folder.MlNetModelPath, temp => mlContext.Model.Save(chain, input.Schema, temp));
    }

    sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }
}
