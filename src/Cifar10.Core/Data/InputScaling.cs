using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// How uint8 pixels become model inputs: divided by 255, then <c>(x − mean) / std</c> per channel
/// (mean 0 and std 1 for <see cref="InputScalingKind.Unit"/>). Stored in <c>model.json</c> and inside
/// the exported ONNX graph, so scoring scales exactly as training did.
/// </summary>
public sealed record InputScaling(InputScalingKind Kind, float[] Mean, float[] Std)
{
    /// <summary>[0,1] scaling, as the original study.</summary>
    public static InputScaling Unit { get; } = new(InputScalingKind.Unit, [0f, 0f, 0f], [1f, 1f, 1f]);

    /// <summary>The scaling of <paramref name="kind"/>, with statistics taken from <paramref name="train"/> where it needs them.</summary>
    public static InputScaling Fit(InputScalingKind kind, LabeledImages train) =>
        kind == InputScalingKind.Standardize ? StandardizedOn(train) : Unit;

    /// <summary>Per-channel standardisation with statistics of <paramref name="train"/> (in [0,1] units).</summary>
    public static InputScaling StandardizedOn(LabeledImages train)
    {
        using var scope = NewDisposeScope();
        var x = train.Pixels.to_type(ScalarType.Float32).div_(255f);
        var mean = x.mean([0L, 2L, 3L]).data<float>().ToArray();
        var std = x.std([0L, 2L, 3L]).data<float>().ToArray();
        return new(InputScalingKind.Standardize, mean, std);
    }

    /// <summary>Per-channel multiplier applied to raw bytes: 1 / (255 · std).</summary>
    [JsonIgnore] public float[] Scale => Std.Select(s => 1f / (255f * s)).ToArray();
    /// <summary>Per-channel offset added after scaling: −mean / std.</summary>
    [JsonIgnore] public float[] Offset => Mean.Zip(Std, (m, s) => -m / s).ToArray();

    /// <summary>uint8 [N,3,H,W] → float32 model input on <paramref name="device"/>.</summary>
    public Tensor Apply(Tensor pixels, Device device)
    {
        var x = pixels.to(device).to_type(ScalarType.Float32);
        if (Kind == InputScalingKind.Unit)
            return x.div_(255f);
        using var scale = tensor(Scale, [1, 3, 1, 1]).to(device);
        using var offset = tensor(Offset, [1, 3, 1, 1]).to(device);
        return x.mul_(scale).add_(offset);
    }
}
