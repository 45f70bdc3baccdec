using System.Text.Json.Serialization;

namespace Cifar10.Core.Data;

/// <summary>How pixels are scaled before the first layer (the names in files: <c>unit</c>, <c>standardize</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InputScalingKind>))]
public enum InputScalingKind
{
    /// <summary>Divided by 255, to [0,1] (the original study).</summary>
    [JsonStringEnumMemberName("unit")] Unit,
    /// <summary>Divided by 255, then standardised per channel with the training images' mean and standard deviation.</summary>
    [JsonStringEnumMemberName("standardize")] Standardize,
}
