namespace Cifar10.Scoring;

/// <summary>Why an image could not be scored, for callers that map problems to codes (e.g. HTTP statuses).</summary>
public enum ImageProblem
{
    /// <summary>The file does not exist.</summary>
    Missing,
    /// <summary>The file exists but cannot be read.</summary>
    Unreadable,
    /// <summary>Zero bytes.</summary>
    Empty,
    /// <summary>Not an image format the decoder knows.</summary>
    UnsupportedFormat,
    /// <summary>The header says the image has no pixels.</summary>
    NoPixels,
    /// <summary>The header says the image is larger than <see cref="ImageCheck.MaxPixels"/> can hold (after scaled decoding), or the file is larger than <see cref="ImageCheck.MaxFileBytes"/>.</summary>
    TooLarge,
    /// <summary>The data ends before the image does.</summary>
    Truncated,
    /// <summary>Any other decoding failure.</summary>
    Undecodable,
}
