using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>MaxPooling2D → ONNX MaxPool (size × size, stride = size, no padding).</summary>
internal sealed class MaxPoolEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var size = ((MaxPoolSpec)layer.Spec).Size;
        return graph.AddNode("MaxPool", layer.Name, [input],
            OnnxGraphBuilder.Ints("kernel_shape", size, size),
            OnnxGraphBuilder.Ints("strides", size, size));
    }
}
