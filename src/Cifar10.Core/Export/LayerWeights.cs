using static TorchSharp.torch;

namespace Cifar10.Core.Export;

/// <summary>
/// The state-dict entries of one layer. A layer with an activation is a Sequential of
/// <c>op</c> and <c>act</c>, so its weights live under <c>name.op.</c>; others under <c>name.</c>.
/// </summary>
internal sealed class LayerWeights(string layerName, IReadOnlyDictionary<string, Tensor> stateDict)
{
    /// <summary>The tensor called <paramref name="parameter"/> (e.g. <c>weight</c>, <c>running_mean</c>).</summary>
    public Tensor Get(string parameter)
    {
        if (stateDict.TryGetValue($"{layerName}.op.{parameter}", out var wrapped)) return wrapped;
        if (stateDict.TryGetValue($"{layerName}.{parameter}", out var plain)) return plain;
        throw new CifarException($"export: the module has no '{parameter}' for layer {layerName}; does it match the model definition?");
    }

    /// <summary>Like <see cref="Get"/>, but null when the layer has no such entry (e.g. a conv without bias).</summary>
    public Tensor? Find(string parameter) =>
        stateDict.TryGetValue($"{layerName}.op.{parameter}", out var wrapped) ? wrapped
        : stateDict.TryGetValue($"{layerName}.{parameter}", out var plain) ? plain
        : null;
}
