using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>
/// Writes the ONNX nodes of one layer kind. To export a new layer kind, add an emitter and
/// register it in <see cref="LayerEmitters"/>; the exporter itself does not change.
/// </summary>
internal interface ILayerEmitter
{
    /// <summary>Adds the layer's nodes reading <paramref name="input"/>; returns the name of its output.</summary>
    string Emit(OnnxGraphBuilder graph, ResolvedLayer layer, LayerWeights weights, string input);
}
