namespace Cifar10.Scoring;

/// <summary>
/// What an image's header promises, read without decoding its pixels: its size, and the size it
/// will be decoded at (smaller than the image when the codec can decode it scaled, JPEG and WebP).
/// Servers add up <see cref="DecodedPixels"/> to bound a request's decode work before doing any.
/// </summary>
/// <param name="Width">Width in the file.</param>
/// <param name="Height">Height in the file.</param>
/// <param name="DecodedWidth">Width after the codec's scaled decoding.</param>
/// <param name="DecodedHeight">Height after the codec's scaled decoding.</param>
public sealed record ImageHeader(int Width, int Height, int DecodedWidth, int DecodedHeight)
{
    /// <summary>Pixels the decoder will produce.</summary>
    public long DecodedPixels => (long)DecodedWidth * DecodedHeight;
}
