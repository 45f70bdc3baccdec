using System.Text.Json.Serialization;

namespace Cifar10.Core.Training;

/// <summary>
/// The arithmetic of the training passes (the names in files: <c>fp32</c>, <c>bf16</c>, <c>auto</c>);
/// weights, gradients, updates and evaluation stay float32 in all of them.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingPrecision>))]
public enum TrainingPrecision
{
    /// <summary>float32 throughout (the study).</summary>
    [JsonStringEnumMemberName("fp32")] Float32,

    /// <summary>
    /// Mixed precision: activations in bfloat16, laid out channels-last (oneDNN's fast path),
    /// with float32 master weights. Fast where the CPU has native bfloat16 (AVX512-BF16, AMX);
    /// emulated and slower elsewhere.
    /// </summary>
    [JsonStringEnumMemberName("bf16")] BFloat16,

    /// <summary><see cref="BFloat16"/> where it is native (<see cref="Runtime.BFloat16Support"/>), else <see cref="Float32"/>; the trainer resolves it.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
}
