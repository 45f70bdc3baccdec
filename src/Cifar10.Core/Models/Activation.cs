namespace Cifar10.Core.Models;

/// <summary>Activation applied after a Conv2D or Dense layer.</summary>
public enum Activation
{
    /// <summary>No activation (logits).</summary>
    None,
    /// <summary>max(0, x).</summary>
    Relu,
    /// <summary>Gaussian error linear unit (tanh approximation is not used).</summary>
    Gelu,
}
