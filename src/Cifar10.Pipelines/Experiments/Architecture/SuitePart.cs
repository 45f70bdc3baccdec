using Cifar10.Core;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>One controlled experiment of the architecture suite.</summary>
public enum SuitePart
{
    /// <summary>Kernel size: cnn-1x1 (no spatial context), 3×3, 5×5, 7×7.</summary>
    Kernels,
    /// <summary>Two stacked 3×3 convolutions per block against one 5×5 (the same receptive field).</summary>
    Stacking,
    /// <summary>2, 3 and 4 blocks.</summary>
    Depth,
    /// <summary>Max-pooling against a stride-2 convolution.</summary>
    Downsampling,
    /// <summary>'same' against 'valid' padding.</summary>
    Padding,
    /// <summary>Dense and cnn-3x3 on images whose pixel positions are permuted.</summary>
    Locality,
    /// <summary>Dense and cnn-3x3 evaluated on test images shifted by 0–8 pixels.</summary>
    Translation,
    /// <summary>Dense and cnn-3x3 trained on 5k, 10k, 20k and 45k images.</summary>
    SampleEfficiency,
    /// <summary>How often the last epoch (Keras' default) reports a collapse, and whether recomputed BatchNorm statistics bring it back.</summary>
    Collapse,
}

/// <summary>Names of the suite's parts on the command line.</summary>
public static class SuiteParts
{
    /// <summary>The name that selects every part.</summary>
    public const string All = "architecture";

    /// <summary>Every part, in the order the report gives them.</summary>
    public static IReadOnlyList<SuitePart> Every { get; } = Enum.GetValues<SuitePart>();

    /// <summary>The command-line name of a part, e.g. <c>sample-efficiency</c>.</summary>
    public static string Name(SuitePart part) => part == SuitePart.SampleEfficiency ? "sample-efficiency" : part.ToString().ToLowerInvariant();

    /// <summary>
    /// Parts from a comma-separated list of names (<c>architecture</c> for all); an unknown name gives
    /// a one-line error listing the valid ones.
    /// </summary>
    public static IReadOnlyList<SuitePart> Parse(string text)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw Unknown(text);
        var parts = new List<SuitePart>();
        foreach (var name in names)
        {
            if (name.Equals(All, StringComparison.OrdinalIgnoreCase)) return Every;
            var part = Every.Where(p => Name(p).Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => (SuitePart?)p).FirstOrDefault()
                ?? throw Unknown(name);
            if (!parts.Contains(part)) parts.Add(part);
        }
        return parts.OrderBy(p => p).ToArray();
    }

    static InvalidSettingException Unknown(string? name) =>
        new("Suite", name, $"unknown suite part; expected {All} or one or more of {string.Join(", ", Every.Select(Name))} (comma-separated).");
}
