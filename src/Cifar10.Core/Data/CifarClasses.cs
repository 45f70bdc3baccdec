namespace Cifar10.Core.Data;

/// <summary>The ten CIFAR-10 classes in label order (as in <c>batches.meta.txt</c>).</summary>
public static class CifarClasses
{
    /// <summary>Number of classes.</summary>
    public const int Count = 10;

    /// <summary>Class names in label order.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
}
