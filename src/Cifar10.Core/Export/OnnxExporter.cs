using System.Text.Json;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Export;

/// <summary>
/// Writes a trained model as ONNX (opset 17) from its <see cref="ModelDefinition"/> and state dict.
/// The graph is <c>image</c> (raw 0–255, [N,3,32,32]) → Mul/Add pixel scaling → one emitter per
/// layer → Softmax → <c>probabilities</c> [N,10]; see <see cref="OnnxContract"/>.
/// </summary>
public static class OnnxExporter
{
    /// <summary>Builds the ONNX model in memory.</summary>
    /// <param name="definition">The architecture the module was created from.</param>
    /// <param name="module">The module whose weights and BatchNorm statistics are exported.</param>
    /// <param name="scaling">The pixel scaling used in training; it becomes part of the graph.</param>
    /// <param name="classNames">Recorded as metadata (<c>class_names</c>, a JSON array); defaults to CIFAR-10's.</param>
    /// <param name="views">
    /// Test-time augmentation: with more than one view the graph scores every view of each image and
    /// returns their weighted mean probabilities, as <see cref="Training.TestTimeAugmentation.Probabilities"/>
    /// does (the contract is unchanged; each image costs <see cref="Training.TestTimeAugmentation.Count"/> passes).
    /// </param>
    public static ModelProto Build(ModelDefinition definition, nn.Module<Tensor, Tensor> module, InputScaling scaling, IReadOnlyList<string>? classNames = null,
        Training.TestTimeAugmentation views = default)
    {
        var stateDict = module.state_dict();
        var graph = new OnnxGraphBuilder();
        graph.Graph.Name = definition.Id;
        graph.Graph.Input.Add(OnnxGraphBuilder.FloatTensor(OnnxContract.InputName, definition.Input.Dims));

        var current = EmitScaling(graph, scaling, definition.Input.Channels);
        float[]? viewWeights = null;
        if (views.Count > 1)
            (current, viewWeights) = TestTimeViewsEmitter.Stack(graph, current, views, definition.Input.Height, definition.Input.Width);
        foreach (var layer in definition.Layers)
            current = LayerEmitters.For(layer).Emit(graph, layer, new LayerWeights(layer.Name, stateDict), current);
        if (viewWeights is null)
            graph.AddNode("Softmax", OnnxContract.OutputName, [current], OnnxGraphBuilder.Int("axis", 1));
        else
        {
            var perView = graph.AddNode("Softmax", "tta/softmax", [current], OnnxGraphBuilder.Int("axis", 1));
            TestTimeViewsEmitter.Average(graph, perView, viewWeights, definition.Output.Dims[0], OnnxContract.OutputName);
        }
        graph.Graph.Output.Add(OnnxGraphBuilder.FloatTensor(OnnxContract.OutputName, definition.Output.Dims));

        var model = new ModelProto
        {
            IrVersion = OnnxContract.IrVersion,
            ProducerName = "Cifar10.NET",
            ProducerVersion = VersionInfo.Current()["cifar10net"],
            DocString = definition.Description,
            Graph = graph.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxContract.Opset });
        AddMetadata(model, "architecture", definition.Id);
        AddMetadata(model, OnnxContract.ClassNamesKey, JsonSerializer.Serialize(classNames ?? CifarClasses.Names));
        AddMetadata(model, "input_scaling", EnumNames.Of(scaling.Kind));
        AddMetadata(model, "test_time_views", views.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return model;
    }

    /// <summary>
    /// The graph ML.NET's <c>ApplyOnnxModel</c> scores with: <see cref="Build"/>'s, with two more outputs,
    /// <see cref="OnnxContract.NetworkScoreOutputName"/> (the probabilities) and
    /// <see cref="OnnxContract.PredictedOneHotOutputName"/> (1 for the most probable class, 0 for the others).
    /// ML.NET cannot read a scalar ONNX output (its OnnxTransformer reads scalars as sequences and fails),
    /// so the predicted class leaves the graph as a one-hot vector. ML.NET scores one image per call, and
    /// both outputs drop the batch dimension ([classes]) so that ML.NET sees vectors of the classes'
    /// length: this graph takes a batch of one image only (<c>model.onnx</c> keeps <see cref="Build"/>'s).
    /// </summary>
    public static ModelProto BuildForMlNet(ModelDefinition definition, nn.Module<Tensor, Tensor> module, InputScaling scaling, IReadOnlyList<string> classNames)
    {
        var model = Build(definition, module, scaling, classNames);
        var graph = new OnnxGraphBuilder(model.Graph);
        var classes = definition.Output.Dims[0];
        var batchAxis = graph.AddInt64Initializer("mlnet/batch_axis", 0);
        var score = graph.AddNode("Squeeze", OnnxContract.NetworkScoreOutputName, [OnnxContract.OutputName, batchAxis]);
        var index = graph.AddNode("ArgMax", "mlnet/argmax", [score], OnnxGraphBuilder.Int("axis", 0), OnnxGraphBuilder.Int("keepdims", 1));
        var depth = graph.AddInt64Initializer("mlnet/depth", classes);
        var values = graph.AddInitializer("mlnet/off_on", [0f, 1f], 2);
        var oneHot = graph.AddNode("OneHot", "mlnet/one_hot", [index, depth, values]);
        graph.AddNode("Squeeze", OnnxContract.PredictedOneHotOutputName, [oneHot, batchAxis]);
        model.Graph.Output.Add(OnnxGraphBuilder.Tensor(OnnxContract.NetworkScoreOutputName, Onnx.TensorProto.Types.DataType.Float, [classes]));
        model.Graph.Output.Add(OnnxGraphBuilder.Tensor(OnnxContract.PredictedOneHotOutputName, Onnx.TensorProto.Types.DataType.Float, [classes]));
        return model;
    }

    /// <summary>
    /// Writes the model to <paramref name="path"/> atomically. <paramref name="validate"/>, when given,
    /// is called with the temp file before the rename (e.g. to load it in ONNX Runtime), so a model
    /// that fails validation never replaces a good file.
    /// </summary>
    public static void Write(ModelProto model, string path, Action<string>? validate = null) =>
        AtomicFile.Write(path, temp =>
        {
            File.WriteAllBytes(temp, model.ToByteArray());
            validate?.Invoke(temp);
        });

    /// <summary>Exports a loaded run model (definition, weights, scaling and class names from its card).</summary>
    /// <param name="trained">The run's model.</param>
    /// <param name="path">Where the file goes (atomically).</param>
    /// <param name="validate">Called with the temp file before the rename (see <see cref="Write"/>).</param>
    /// <param name="views">Test-time views averaged in the graph (see <see cref="Build"/>); one view unless given.</param>
    public static void Export(TrainedModel trained, string path, Action<string>? validate = null, Training.TestTimeAugmentation views = default) =>
        Write(Build(trained.Definition, trained.Module, trained.Card.InputScaling, trained.Card.ClassNames, views), path, validate);

    // input · scale + offset per channel, the same arithmetic as InputScaling.Apply, so the
    // exported model takes raw pixels and callers cannot scale them twice or forget to.
    static string EmitScaling(OnnxGraphBuilder graph, InputScaling scaling, int channels)
    {
        if (scaling.Mean.Length != channels || scaling.Std.Length != channels)
            throw new CifarException($"export: the pixel scaling has {scaling.Mean.Length} means and {scaling.Std.Length} deviations, expected {channels} each.");
        var scale = graph.AddInitializer("scaling/scale", scaling.Scale, 1, channels, 1, 1);
        var offset = graph.AddInitializer("scaling/offset", scaling.Offset, 1, channels, 1, 1);
        var scaled = graph.AddNode("Mul", "scaling/mul", [OnnxContract.InputName, scale]);
        return graph.AddNode("Add", "scaling/add", [scaled, offset]);
    }

    static void AddMetadata(ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
}
