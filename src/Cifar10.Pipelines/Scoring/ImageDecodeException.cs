using Cifar10.Core;

namespace Cifar10.Pipelines.Scoring;

/// <summary>An input image that cannot be scored (missing, empty, not an image, truncated, too large).</summary>
public sealed class ImageDecodeException(ImageProblem problem, string message) : CifarException(message)
{
    /// <summary>What is wrong with the image.</summary>
    public ImageProblem Problem { get; } = problem;
}
