using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Writes the activation that follows a Conv2D or Dense layer.</summary>
internal static class ActivationEmitter
{
    /// <summary>Adds the activation's nodes after <paramref name="input"/>; returns the output name.</summary>
    public static string Emit(OnnxGraphBuilder graph, string layerName, Activation activation, string input) => activation switch
    {
        Activation.None => input,
        Activation.Relu => graph.AddNode("Relu", $"{layerName}/relu", [input]),
        Activation.Gelu => EmitGelu(graph, layerName, input),
        _ => throw new CifarException($"export: activation {activation} of layer {layerName} has no ONNX form yet."),
    };

    // Opset 17 has no Gelu operator (it arrived in opset 20), so write the exact erf form that
    // TorchSharp's GELU computes: 0.5 · x · (1 + erf(x / √2)).
    static string EmitGelu(OnnxGraphBuilder graph, string layerName, string input)
    {
        var prefix = $"{layerName}/gelu";
        var sqrt2 = graph.AddInitializer($"{prefix}/sqrt2", [MathF.Sqrt(2f)]);
        var one = graph.AddInitializer($"{prefix}/one", [1f]);
        var half = graph.AddInitializer($"{prefix}/half", [0.5f]);
        var scaled = graph.AddNode("Div", $"{prefix}/div", [input, sqrt2]);
        var erf = graph.AddNode("Erf", $"{prefix}/erf", [scaled]);
        var shifted = graph.AddNode("Add", $"{prefix}/add", [erf, one]);
        var gated = graph.AddNode("Mul", $"{prefix}/mul", [input, shifted]);
        return graph.AddNode("Mul", $"{prefix}/half_mul", [gated, half]);
    }
}
