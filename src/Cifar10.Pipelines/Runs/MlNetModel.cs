using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Scoring;
using Google.Protobuf;
using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// A trained network as ML.NET transforms (<see cref="ImagePipeline"/> around the network's ONNX graph for
/// ML.NET, whose bytes travel inside the model), and a run's <c>model.zip</c> made of them.
/// </summary>
internal static class MlNetModel
{
    /// <summary>The image column a run's <c>model.zip</c> reads: a file path, as <c>LoadImagesFromFolders</c> names it.</summary>
    public const string ImageColumnName = "ImagePath";

    /// <summary>Exports the network and fits ML.NET's transforms around it on <paramref name="input"/>'s schema.</summary>
    public static TransformerChain<ITransformer> Fit(MLContext mlContext, IDataView input, string imageColumnName, bool imageIsPath,
        ModelDefinition definition, torch.nn.Module<torch.Tensor, torch.Tensor> module, InputScaling scaling, IReadOnlyList<string> classNames)
    {
        var onnx = OnnxExporter.BuildForMlNet(definition, module, scaling, classNames).ToByteArray();
        return ImagePipeline.Fit(mlContext, input, imageColumnName, imageIsPath, definition.Input.Dims[^1], onnx, classNames);
    }

    /// <summary>Writes the run's <c>model.zip</c>: reads an image path from <see cref="ImageColumnName"/>, adds <c>Score</c> and <c>PredictedLabel</c>.</summary>
    public static void WriteZip(RunFolder folder, ModelDefinition definition, torch.nn.Module<torch.Tensor, torch.Tensor> module, InputScaling scaling, IReadOnlyList<string> classNames)
    {
        var mlContext = new MLContext(seed: 0);
        var input = mlContext.Data.LoadFromEnumerable(Array.Empty<PathRow>());
        using var chain = Fit(mlContext, input, ImageColumnName, imageIsPath: true, definition, module, scaling, classNames);
        AtomicFile.Write(folder.MlNetModelPath, temp => mlContext.Model.Save(chain, input.Schema, temp));
    }

    sealed class PathRow
    {
        public string ImagePath { get; set; } = "";
    }
}
