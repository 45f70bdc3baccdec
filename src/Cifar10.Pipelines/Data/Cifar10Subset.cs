namespace Cifar10.Pipelines.Data;

/// <summary>Which of CIFAR-10's official sets to read.</summary>
public enum Cifar10Subset
{
    /// <summary>The five training batches, 50,000 images.</summary>
    Train,
    /// <summary>The test batch, 10,000 images.</summary>
    Test,
}
