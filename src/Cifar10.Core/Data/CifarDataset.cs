namespace Cifar10.Core.Data;

/// <summary>The official training (50,000) and test (10,000) sets and the class names.</summary>
public sealed class CifarDataset(CifarImages train, CifarImages test, IReadOnlyList<string> classNames, string directory) : IDisposable
{
    /// <summary>The five training batches, in file order.</summary>
    public CifarImages Train { get; } = train;
    /// <summary>The test batch.</summary>
    public CifarImages Test { get; } = test;
    /// <summary>Class names from <c>batches.meta.txt</c>.</summary>
    public IReadOnlyList<string> ClassNames { get; } = classNames;
    /// <summary>The folder the files were read from.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
