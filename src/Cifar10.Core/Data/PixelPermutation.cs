using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// One fixed, seeded permutation of the pixel positions of S×S images, applied alike to every image
/// and channel: each image keeps every pixel value but loses which pixels were neighbours. A dense
/// network, which sees positions as unordered inputs, should learn as well from permuted images; a
/// CNN, which assumes that nearby pixels belong together, should not.
/// </summary>
public sealed class PixelPermutation
{
    readonly long[] _order;

    /// <summary>The permutation of <paramref name="size"/>×<paramref name="size"/> positions drawn from <paramref name="seed"/>.</summary>
    public PixelPermutation(int size, int seed)
    {
        InvalidSettingException.RequirePositive("ImageSize", size);
        Size = size;
        Seed = seed;
        _order = Enumerable.Range(0, size * size).Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(_order);
    }

    /// <summary>Image side the permutation is for.</summary>
    public int Size { get; }
    /// <summary>The seed it was drawn from.</summary>
    public int Seed { get; }
    /// <summary>Output position i takes the pixel at input position <c>Order[i]</c> (row-major).</summary>
    public IReadOnlyList<long> Order => _order;

    /// <summary>A new set with every image's pixels permuted (labels copied).</summary>
    public LabeledImages Apply(LabeledImages images)
    {
        if (images.Size != Size)
            throw new CifarException($"the pixel permutation is for {Size}×{Size} images, not {images.Size}×{images.Size}.");
        using var scope = NewDisposeScope();
        using var index = tensor(_order);
        var flat = images.Pixels.reshape(images.Count, LabeledImages.Channels, Size * Size);
        var permuted = flat.index_select(2, index).reshape(images.Count, LabeledImages.Channels, Size, Size).contiguous();
        return new LabeledImages(permuted.MoveToOuterDisposeScope(), images.Labels.clone().MoveToOuterDisposeScope());
    }

    /// <summary>The data set with its training and test images permuted alike.</summary>
    public ImageDataset Apply(ImageDataset data) =>
        new(Apply(data.Train), Apply(data.Test), data.ClassNames, $"{data.Directory} (pixels permuted, seed {Seed})");
}
