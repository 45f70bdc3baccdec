using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Conv2D → ONNX Conv (its stride, symmetric zero padding) and its activation.</summary>
internal sealed class Conv2DEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var spec = (Conv2DSpec)layer.Spec;
        var inputs = new List<string> { input, graph.AddInitializer($"{layer.Name}.weight", weights.Get("weight")) };
        if (weights.Find("bias") is { } bias) inputs.Add(graph.AddInitializer($"{layer.Name}.bias", bias));
        int pad = spec.PadPixels;
        var conv = graph.AddNode("Conv", layer.Name, inputs,
            OnnxGraphBuilder.Ints("kernel_shape", spec.Kernel, spec.Kernel),
            OnnxGraphBuilder.Ints("pads", pad, pad, pad, pad),
            OnnxGraphBuilder.Ints("strides", spec.Stride, spec.Stride));
        return ActivationEmitter.Emit(graph, layer.Name, spec.Activation, conv);
    }
}
