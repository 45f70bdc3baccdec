namespace Cifar10.Core.Models;

/// <summary>How a convolution treats the image border (Keras' <c>padding</c> argument).</summary>
public enum Padding
{
    /// <summary>Zero-pad by k/2 on every side: a stride-1 convolution keeps the image size (odd k).</summary>
    Same,
    /// <summary>No padding: each convolution loses k − 1 pixels of height and width.</summary>
    Valid,
}
