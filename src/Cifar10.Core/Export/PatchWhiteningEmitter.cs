using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>PatchWhitening → ONNX Conv (its fitted filters and trained bias, no padding).</summary>
internal sealed class PatchWhiteningEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input) =>
        Conv2DEmitter.EmitConvolution(graph, layer.Name, weights, input, ((PatchWhiteningSpec)layer.Spec).Kernel, pad: 0, stride: 1);
}
