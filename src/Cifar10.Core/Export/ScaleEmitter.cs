using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Scale → ONNX Mul by a constant.</summary>
internal sealed class ScaleEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var factor = graph.AddInitializer($"{layer.Name}/factor", [((ScaleSpec)layer.Spec).Factor]);
        return graph.AddNode("Mul", layer.Name, [input, factor]);
    }
}
