using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>
/// BatchNorm → ONNX BatchNormalization in inference mode, with the running statistics.
/// Exported as its own node rather than folded into the conv: ONNX Runtime fuses it itself at
/// load time, and keeping it separate keeps the file a faithful picture of the model.
/// </summary>
internal sealed class BatchNormEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input)
    {
        var spec = (BatchNormSpec)layer.Spec;
        return graph.AddNode("BatchNormalization", layer.Name,
            [
                input,
                graph.AddInitializer($"{layer.Name}.weight", weights.Get("weight")),
                graph.AddInitializer($"{layer.Name}.bias", weights.Get("bias")),
                graph.AddInitializer($"{layer.Name}.running_mean", weights.Get("running_mean")),
                graph.AddInitializer($"{layer.Name}.running_var", weights.Get("running_var")),
            ],
            OnnxGraphBuilder.Float("epsilon", (float)spec.Epsilon));
    }
}
