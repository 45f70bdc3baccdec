using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Dense → ONNX Gemm (TorchSharp stores the weight as [out, in], hence transB) and its activation.</summary>
internal sealed class DenseEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var spec = (DenseSpec)layer.Spec;
        var gemm = graph.AddNode("Gemm", layer.Name,
            [
                input,
                graph.AddInitializer($"{layer.Name}.weight", weights.Get("weight")),
                graph.AddInitializer($"{layer.Name}.bias", weights.Get("bias")),
            ],
            OnnxGraphBuilder.Int("transB", 1));
        return ActivationEmitter.Emit(graph, layer.Name, spec.Activation, gemm);
    }
}
