namespace Cifar10.Core.Models;

/// <summary>How a CNN block halves the image.</summary>
public enum Downsampling
{
    /// <summary>A 2×2 max-pool after the block's convolutions (the study's CNN).</summary>
    MaxPool,
    /// <summary>The block's last convolution moves with stride 2; no pooling layer.</summary>
    StridedConv,
}
