using Microsoft.ML.Data;

namespace Cifar10.Scoring;

/// <summary>Encoded bytes to an <c>MLImage</c>, checked by <see cref="ImageCheck"/> and never decoded past its pixel cap.</summary>
internal static class ImageDecoder
{
    /// <summary>Decodes <paramref name="encoded"/>; problems are one-line <see cref="ImageDecodeException"/>s naming <paramref name="name"/>.</summary>
    public static MLImage Decode(byte[] encoded, string name)
    {
        using var codec = ImageCheck.Open(encoded, name, out var data);
        using (data)
        using (var bitmap = ImageCheck.DecodeBitmap(codec, name))
        {
            // At full size ML.NET decodes the bytes itself, as it did in training, so scores match bit for bit;
            // only an image over the cap (JPEG, WebP) is handed over as the codec's scaled pixels.
            if (bitmap.Width == codec.Info.Width && bitmap.Height == codec.Info.Height)
                return MLImage.CreateFromStream(new MemoryStream(encoded, writable: false));
            return MLImage.CreateFromPixels(bitmap.Width, bitmap.Height, MLPixelFormat.Rgba32, bitmap.GetPixelSpan());
        }
    }
}
