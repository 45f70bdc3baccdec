using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// How uint8 pixels become model inputs: divided by 255 (the study's scaling), then optionally
/// standardised per channel with the training split's mean and standard deviation.
/// Stored in <c>model.json</c> so export and scoring scale exactly as training did.
/// </summary>
public sealed record PixelScaling(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mean")] float[] Mean,
    [property: JsonPropertyName("std")] float[] Std)
{
    /// <summary>[0,1] scaling, as the original study.</summary>
    public static PixelScaling UnitRange { get; } = new("unit", [0f, 0f, 0f], [1f, 1f, 1f]);

    /// <summary>Per-channel standardisation with statistics of <paramref name="train"/> (in [0,1] units).</summary>
    public static PixelScaling StandardizedOn(CifarImages train)
    {
        using var scope = NewDisposeScope();
        var x = train.Pixels.to_type(ScalarType.Float32).div_(255f);
        var mean = x.mean([0L, 2L, 3L]).data<float>().ToArray();
        var std = x.std([0L, 2L, 3L]).data<float>().ToArray();
        return new("standardize", mean, std);
    }

    /// <summary>Parses the <c>--normalize</c> option.</summary>
    public static PixelScaling FromOption(string? option, CifarImages train) => (option ?? "unit").ToLowerInvariant() switch
    {
        "unit" or "none" => UnitRange,
        "standardize" or "channel" => StandardizedOn(train),
        _ => throw new CifarException($"--normalize '{option}': expected unit or standardize."),
    };

    /// <summary>Per-channel multiplier applied to raw bytes: 1 / (255 · std).</summary>
    [JsonIgnore] public float[] Scale => Std.Select(s => 1f / (255f * s)).ToArray();
    /// <summary>Per-channel offset added after scaling: −mean / std.</summary>
    [JsonIgnore] public float[] Offset => Mean.Zip(Std, (m, s) => -m / s).ToArray();

    /// <summary>uint8 [N,3,H,W] → float32 model input on <paramref name="device"/>.</summary>
    public Tensor Apply(Tensor pixels, Device device)
    {
        var x = pixels.to(device).to_type(ScalarType.Float32);
        if (Kind == "unit")
            return x.div_(255f);
        using var scale = tensor(Scale, [1, 3, 1, 1]).to(device);
        using var offset = tensor(Offset, [1, 3, 1, 1]).to(device);
        return x.mul_(scale).add_(offset);
    }
}
