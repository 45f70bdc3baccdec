using Cifar10.Core.Data;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Plots;

/// <summary>Copies chosen images out of a uint8 [N,3,32,32] tensor as planar byte arrays for drawing.</summary>
internal static class TensorImages
{
    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public static byte[][] Gather(Tensor pixels, IReadOnlyList<long> indices)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.ndim != 4 || pixels.shape[1] != CifarBinaryReader.Channels || pixels.shape[2] != CifarBinaryReader.Side || pixels.shape[3] != CifarBinaryReader.Side)
            throw new ArgumentException($"pixels must be uint8 [N,3,32,32], got {pixels.dtype} [{string.Join(",", pixels.shape)}]", nameof(pixels));
        if (indices.Count == 0) return [];
        using var scope = NewDisposeScope();
        using var index = tensor(indices.ToArray());
        // index_select yields a fresh contiguous tensor on the CPU, so its bytes are the images in order.
        var chosen = pixels.index_select(0, index.to(pixels.device)).cpu().contiguous();
        var bytes = chosen.bytes;
        var images = new byte[indices.Count][];
        for (int i = 0; i < images.Length; i++)
            images[i] = bytes.Slice(i * CifarBinaryReader.PixelCount, CifarBinaryReader.PixelCount).ToArray();
        return images;
    }
}
