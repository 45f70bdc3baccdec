using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Conv2D → ONNX Conv (its stride, symmetric zero padding) and its activation.</summary>
internal sealed class Conv2DEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var spec = (Conv2DSpec)layer.Spec;
        var conv = EmitConvolution(graph, layer.Name, weights, input, spec.Kernel, spec.PadPixels, spec.Stride);
        return ActivationEmitter.Emit(graph, layer.Name, spec.Activation, conv);
    }

    /// <summary>One ONNX Conv node with the layer's weight and, if it has one, bias.</summary>
    public static string EmitConvolution(OnnxGraphBuilder graph, string name, LayerWeights weights, string input, int kernel, int pad, int stride)
    {
        var inputs = new List<string> { input, graph.AddInitializer($"{name}.weight", weights.Get("weight")) };
        if (weights.Find("bias") is { } bias) inputs.Add(graph.AddInitializer($"{name}.bias", bias));
        return graph.AddNode("Conv", name, inputs,
            OnnxGraphBuilder.Ints("kernel_shape", kernel, kernel),
            OnnxGraphBuilder.Ints("pads", pad, pad, pad, pad),
            OnnxGraphBuilder.Ints("strides", stride, stride));
    }
}
