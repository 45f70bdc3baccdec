using System.Text.Json.Serialization;

namespace Cifar10.Core.Models;

/// <summary>Activation applied after a Conv2D or Dense layer (the names in files: <c>none</c>, <c>relu</c>, <c>gelu</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Activation>))]
public enum Activation
{
    /// <summary>No activation (logits).</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>max(0, x).</summary>
    [JsonStringEnumMemberName("relu")] Relu,
    /// <summary>Gaussian error linear unit (tanh approximation is not used).</summary>
    [JsonStringEnumMemberName("gelu")] Gelu,
}
