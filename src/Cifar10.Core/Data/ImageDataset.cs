namespace Cifar10.Core.Data;

/// <summary>Training and test images with their class names: CIFAR-10's official sets, or images read from folders.</summary>
public sealed class ImageDataset(LabeledImages train, LabeledImages test, IReadOnlyList<string> classNames, string source) : IDisposable
{
    /// <summary>The training images (CIFAR-10: the five training batches, in file order).</summary>
    public LabeledImages Train { get; } = train;
    /// <summary>The test images (CIFAR-10: the test batch).</summary>
    public LabeledImages Test { get; } = test;
    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; } = classNames;
    /// <summary>Where the images were read from.</summary>
    public string Directory { get; } = source;

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
