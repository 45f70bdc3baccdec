using System.Text.Json.Serialization;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>What the suite's measurements say about a claim.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>The 95 % interval lies on the claimed side (or a count settles it).</summary>
    Supported,
    /// <summary>The 95 % interval lies on the other side.</summary>
    Contradicted,
    /// <summary>The interval straddles the claim's boundary: this many seeds cannot tell.</summary>
    NotDistinguishable,
}

/// <summary>One claim of the original study (in our words), the experiment that tests it, what was measured, and the verdict.</summary>
public sealed record Claim(SuitePart Part, string Statement, string Experiment, string Measured, Verdict Verdict)
{
    /// <summary>The verdict as the report writes it.</summary>
    public static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Supported => "supported",
        Verdict.Contradicted => "contradicted",
        _ => "not distinguishable at this sample size",
    };
}
