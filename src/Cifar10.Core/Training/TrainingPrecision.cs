namespace Cifar10.Core.Training;

/// <summary>The arithmetic of the training passes; weights, gradients, updates and evaluation stay float32 in both.</summary>
public enum TrainingPrecision
{
    /// <summary>float32 throughout (the study).</summary>
    Float32,

    /// <summary>
    /// Mixed precision: activations in bfloat16, laid out channels-last (oneDNN's fast path),
    /// with float32 master weights. Fast where the CPU has native bfloat16 (AVX512-BF16, AMX);
    /// emulated and slower elsewhere.
    /// </summary>
    BFloat16,
}

/// <summary>The names <c>--precision</c> takes.</summary>
public static class TrainingPrecisionNames
{
    /// <summary><c>fp32</c> or <c>bf16</c>.</summary>
    public static string ToOptionName(this TrainingPrecision precision) => precision == TrainingPrecision.BFloat16 ? "bf16" : "fp32";

    /// <summary>Parses <c>fp32</c> or <c>bf16</c> (one-line error otherwise).</summary>
    public static TrainingPrecision Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fp32" => TrainingPrecision.Float32,
        "bf16" => TrainingPrecision.BFloat16,
        _ => throw new CifarException($"--precision '{text}': expected fp32 or bf16."),
    };
}
