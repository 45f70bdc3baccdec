using Cifar10.Core.Models;

namespace Cifar10.Core.Export;

/// <summary>The emitter for each layer spec type. Register new layer kinds here.</summary>
internal static class LayerEmitters
{
    static readonly Dictionary<Type, ILayerEmitter> ByKind = new()
    {
        [typeof(Conv2DSpec)] = new Conv2DEmitter(),
        [typeof(BatchNormSpec)] = new BatchNormEmitter(),
        [typeof(MaxPoolSpec)] = new MaxPoolEmitter(),
        [typeof(FlattenSpec)] = new FlattenEmitter(),
        [typeof(DenseSpec)] = new DenseEmitter(),
        [typeof(DropoutSpec)] = new DropoutEmitter(),
        [typeof(ActivationSpec)] = new StandaloneActivationEmitter(),
        [typeof(ScaleSpec)] = new ScaleEmitter(),
        [typeof(PatchWhiteningSpec)] = new PatchWhiteningEmitter(),
    };

    /// <summary>The emitter for <paramref name="layer"/>, or a one-line error naming the unsupported kind.</summary>
    public static ILayerEmitter For(ResolvedLayer layer) =>
        ByKind.TryGetValue(layer.Spec.GetType(), out var emitter)
            ? emitter
            : throw new CifarException($"export: layer {layer.Name} ({layer.Spec.Kind}) has no ONNX emitter yet.");
}
