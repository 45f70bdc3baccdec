using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Flatten → ONNX Flatten(axis 1): same channel-major order as TorchSharp's flatten.</summary>
internal sealed class FlattenEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input) =>
        graph.AddNode("Flatten", layer.Name, [input], OnnxGraphBuilder.Int("axis", 1));
}
