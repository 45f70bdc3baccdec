namespace Cifar10.Tests.Shared;

/// <summary>
/// A fact that needs the real CIFAR-10 (via <c>CIFAR10_DATA</c>). When the variable is unset it is
/// reported as skipped with the reason, never silently passed; CI always sets it.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealCifar.Directory is null)
            Skip = $"{RealCifar.Variable} is not set: point it at cifar-10-batches-bin to run tests on the real CIFAR-10.";
    }
}
