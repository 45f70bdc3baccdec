using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>Dropout is the identity at inference, so it writes no node at all.</summary>
internal sealed class DropoutEmitter : ILayerEmitter
{
    /// <inheritdoc />
    public string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input) => input;
}
