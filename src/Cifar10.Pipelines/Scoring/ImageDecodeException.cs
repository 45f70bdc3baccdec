using Cifar10.Core;

namespace Cifar10.Pipelines.Scoring;

/// <summary>An input image that cannot be scored (missing, empty, not an image, truncated, too large).</summary>
public sealed class ImageDecodeException(string message) : CifarException(message);
