namespace Cifar10.Tests.Shared;

/// <summary>A theory that needs the real CIFAR-10; skipped with the reason when <c>CIFAR10_DATA</c> is unset.</summary>
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute()
    {
        if (RealCifar.Directory is null)
            Skip = $"{RealCifar.Variable} is not set: point it at cifar-10-batches-bin to run tests on the real CIFAR-10.";
    }
}
