using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>A standalone Activation layer → the same nodes as an activation after Conv2D or Dense.</summary>
internal sealed class StandaloneActivationEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input) =>
        ActivationEmitter.Emit(graph, layer.Name, ((ActivationSpec)layer.Spec).Activation, input);
}
