namespace Cifar10.Scoring;

/// <summary>An input image that cannot be scored (missing, empty, not an image, truncated, too large).</summary>
public sealed class ImageDecodeException(ImageProblem problem, string message) : ScoringException(message)
{
    /// <summary>What is wrong with the image.</summary>
    public ImageProblem Problem { get; } = problem;
}
