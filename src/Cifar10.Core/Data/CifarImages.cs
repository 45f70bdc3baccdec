using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// A set of CIFAR-10 images kept as one uint8 tensor [N,3,32,32] with int64 labels [N].
/// Batches are gathered by index and scaled on the fly, so the float copy of the whole set
/// never exists.
/// </summary>
public sealed class CifarImages : IDisposable
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;
    /// <summary>Colour channels.</summary>
    public const int Channels = 3;
    /// <summary>Bytes of one image (3 × 32 × 32).</summary>
    public const int PixelCount = Channels * Side * Side;

    /// <summary>Wraps tensors (takes ownership).</summary>
    public CifarImages(Tensor pixels, Tensor labels)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.ndim != 4 || pixels.shape[1] != Channels || pixels.shape[2] != Side || pixels.shape[3] != Side)
            throw new ArgumentException($"pixels must be uint8 [N,3,32,32], got {pixels.dtype} [{string.Join(",", pixels.shape)}]");
        if (labels.dtype != ScalarType.Int64 || labels.ndim != 1 || labels.shape[0] != pixels.shape[0])
            throw new ArgumentException("labels must be int64 [N] matching the pixels");
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>uint8 [N,3,32,32].</summary>
    public Tensor Pixels { get; }
    /// <summary>int64 [N], values 0–9.</summary>
    public Tensor Labels { get; }
    /// <summary>Number of images.</summary>
    public int Count => (int)Pixels.shape[0];

    /// <summary>A new set holding the images at <paramref name="indices"/> (in that order).</summary>
    public CifarImages Select(Tensor indices) =>
        new(Pixels.index_select(0, indices), Labels.index_select(0, indices));

    /// <summary>The first <paramref name="count"/> images (or all when there are fewer).</summary>
    public CifarImages Take(int count)
    {
        var n = Math.Min(count, Count);
        return new(Pixels.narrow(0, 0, n).clone(), Labels.narrow(0, 0, n).clone());
    }

    /// <summary>Labels as a managed array.</summary>
    public long[] LabelArray() => Labels.data<long>().ToArray();

    /// <summary>Images per class, indexed by label.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[CifarClasses.Count];
        foreach (var label in LabelArray()) counts[label]++;
        return counts;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Pixels.Dispose();
        Labels.Dispose();
    }
}
