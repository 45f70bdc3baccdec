using Cifar10.Core.Data;

namespace Cifar10.Tests.Shared;

/// <summary>
/// The real CIFAR-10 copy, read once per test process. Found through CIFAR10_DATA or, failing
/// that, at ../shared/cifar10 beside the repository (where CI and developers keep it).
/// </summary>
public static class TestData
{
    static readonly Lazy<ImageDataset> Dataset = new(() => CifarBinaryReader.ReadDataset(Directory));

    /// <summary>The folder holding the batch files.</summary>
    public static string Directory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(CifarDataLocator.EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
            var beside = Path.Combine(RepositoryRoot, "..", "shared", "cifar10", CifarDataLocator.BatchesFolder);
            if (System.IO.Directory.Exists(beside)) return Path.GetFullPath(beside);
            throw new InvalidOperationException("The real CIFAR-10 is needed: set CIFAR10_DATA to the cifar-10-batches-bin folder.");
        }
    }

    /// <summary>The whole dataset (shared: do not dispose).</summary>
    public static ImageDataset Real => Dataset.Value;

    /// <summary>The folder that holds Cifar10.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cifar10.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cifar10.sln not found above the test output folder.");
        }
    }
}
