using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// A set of labelled square RGB images kept as one uint8 tensor [N,3,S,S] with int64 labels [N]
/// (class indices). Batches are gathered by index and scaled on the fly, so the float copy of the
/// whole set never exists.
/// </summary>
public sealed class LabeledImages : IDisposable
{
    /// <summary>Colour channels.</summary>
    public const int Channels = 3;

    /// <summary>Wraps tensors (takes ownership).</summary>
    public LabeledImages(Tensor pixels, Tensor labels)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.ndim != 4 || pixels.shape[1] != Channels || pixels.shape[2] != pixels.shape[3])
            throw new ArgumentException($"pixels must be uint8 [N,3,S,S], got {pixels.dtype} [{string.Join(",", pixels.shape)}]");
        if (labels.dtype != ScalarType.Int64 || labels.ndim != 1 || labels.shape[0] != pixels.shape[0])
            throw new ArgumentException("labels must be int64 [N] matching the pixels");
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>uint8 [N,3,S,S].</summary>
    public Tensor Pixels { get; }
    /// <summary>int64 [N]: class indices.</summary>
    public Tensor Labels { get; }
    /// <summary>Number of images.</summary>
    public int Count => (int)Pixels.shape[0];
    /// <summary>Image side in pixels.</summary>
    public int Size => (int)Pixels.shape[2];

    /// <summary>A new set holding the images at <paramref name="indices"/> (in that order).</summary>
    public LabeledImages Select(Tensor indices) =>
        new(Pixels.index_select(0, indices), Labels.index_select(0, indices));

    /// <summary>The first <paramref name="count"/> images (or all when there are fewer).</summary>
    public LabeledImages Take(int count)
    {
        var n = Math.Min(count, Count);
        return new(Pixels.narrow(0, 0, n).clone(), Labels.narrow(0, 0, n).clone());
    }

    /// <summary>Labels as a managed array.</summary>
    public long[] LabelArray() => Labels.data<long>().ToArray();

    /// <summary>Images per class, indexed by label, for <paramref name="classes"/> classes.</summary>
    public int[] ClassCounts(int classes)
    {
        var counts = new int[classes];
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
