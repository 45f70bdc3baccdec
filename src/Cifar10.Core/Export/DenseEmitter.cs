using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Dense → ONNX Gemm (TorchSharp stores the weight as [out, in], hence transB) and its activation.</summary>
internal sealed class DenseEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var spec = (DenseSpec)layer.Spec;
        var inputs = new List<string> { input, graph.AddInitializer($"{layer.Name}.weight", weights.Get("weight")) };
        if (weights.Find("bias") is { } bias) inputs.Add(graph.AddInitializer($"{layer.Name}.bias", bias)); // Gemm's C is optional
        var gemm = graph.AddNode("Gemm", layer.Name, inputs, OnnxGraphBuilder.Int("transB", 1));
        return ActivationEmitter.Emit(graph, layer.Name, spec.Activation, gemm);
    }
}
