using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// Translates images by a whole number of pixels, filling the uncovered border with black. Image i
/// moves right, down, left or up by turns (i mod 4), so every direction is measured equally in one
/// pass over a set.
/// </summary>
public static class ImageShift
{
    /// <summary>A new set with every image moved by <paramref name="pixels"/> (0 copies the set).</summary>
    public static LabeledImages Apply(LabeledImages images, int pixels)
    {
        if (pixels < 0 || pixels >= images.Size)
            throw new InvalidSettingException("Shift", pixels, $"must be between 0 and {images.Size - 1} pixels for {images.Size}×{images.Size} images.");
        using var scope = NewDisposeScope();
        var shifted = zeros_like(images.Pixels);
        int size = images.Size, kept = size - pixels;
        for (int direction = 0; direction < 4; direction++)
        {
            if (direction >= images.Count) break;
            var rows = arange(direction, images.Count, 4, dtype: ScalarType.Int64);
            var source = images.Pixels.index_select(0, rows);
            var target = zeros_like(source);
            // Right and down move content to higher indices; left and up to lower ones.
            var (axis, forward) = direction switch { 0 => (3, true), 1 => (2, true), 2 => (3, false), _ => (2, false) };
            var from = source.narrow(axis, forward ? 0 : pixels, kept);
            target.narrow(axis, forward ? pixels : 0, kept).copy_(from);
            shifted.index_copy_(0, rows, target);
        }
        return new LabeledImages(shifted.MoveToOuterDisposeScope(), images.Labels.clone().MoveToOuterDisposeScope());
    }
}
