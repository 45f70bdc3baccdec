using Cifar10.Core.Data;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The suite's image transforms: a fixed pixel permutation and whole-pixel shifts.</summary>
public class ImageTransformTests
{
    // Four 4×4 images whose pixel values encode image, channel, row and column.
    static LabeledImages Numbered(int count = 4, int size = 4)
    {
        var values = new byte[count * 3 * size * size];
        for (int i = 0; i < values.Length; i++) values[i] = (byte)(i % 251);
        return new LabeledImages(tensor(values, [count, 3, size, size]), arange(count, dtype: ScalarType.Int64));
    }

    static bool Same(Tensor x, Tensor y) => x.shape.SequenceEqual(y.shape) && x.eq(y).all().item<bool>();

    [RealDataFact]
    public void A_permutation_moves_every_pixel_of_every_image_and_channel_alike()
    {
        using var images = RealCifar.Test.Take(16);
        var permutation = new PixelPermutation(32, seed: 1);
        using var permuted = permutation.Apply(images);

        Assert.Equal(images.LabelArray(), permuted.LabelArray());
        var order = permutation.Order.ToArray();
        Assert.Equal(Enumerable.Range(0, 1024).Select(i => (long)i), order.Order());
        Assert.True(order.Count((position) => position == Array.IndexOf(order, position)) < 16, "a permutation that leaves most positions in place tests nothing");
        using var flat = images.Pixels.reshape(16, 3, 1024);
        using var moved = permuted.Pixels.reshape(16, 3, 1024);
        foreach (var i in new[] { 0, 5, 15 })
            foreach (var position in new[] { 0, 17, 1023 })
                for (int channel = 0; channel < 3; channel++)
                    Assert.Equal(flat[i, channel, order[position]].item<byte>(), moved[i, channel, position].item<byte>());
        using var again = new PixelPermutation(32, seed: 1).Apply(images);
        Assert.True(Same(again.Pixels, permuted.Pixels), "the same seed must give the same permutation");
        using var other = new PixelPermutation(32, seed: 2).Apply(images);
        Assert.False(Same(other.Pixels, permuted.Pixels));
    }

    [Fact]
    public void A_permutation_for_another_image_size_is_refused()
    {
        using var images = Numbered(size: 4);
        var error = Assert.Throws<CifarException>(() => new PixelPermutation(32, seed: 1).Apply(images));
        Assert.Equal("the pixel permutation is for 32×32 images, not 4×4.", error.Message);
    }

    [Fact]
    public void Shifts_move_images_right_down_left_and_up_by_turns_with_a_black_border()
    {
        using var images = Numbered(count: 5, size: 4);
        using var shifted = ImageShift.Apply(images, 1);
        var a = images.Pixels;
        var b = shifted.Pixels;
        Assert.True(Same(b[0, .., .., 1..], a[0, .., .., ..3]) && b[0, .., .., 0].eq(0).all().item<bool>(), "image 0 moves right");
        Assert.True(Same(b[1, .., 1.., ..], a[1, .., ..3, ..]) && b[1, .., 0, ..].eq(0).all().item<bool>(), "image 1 moves down");
        Assert.True(Same(b[2, .., .., ..3], a[2, .., .., 1..]) && b[2, .., .., 3].eq(0).all().item<bool>(), "image 2 moves left");
        Assert.True(Same(b[3, .., ..3, ..], a[3, .., 1.., ..]) && b[3, .., 3, ..].eq(0).all().item<bool>(), "image 3 moves up");
        Assert.True(Same(b[4, .., .., 1..], a[4, .., .., ..3]), "image 4 moves right again");
        Assert.Equal(images.LabelArray(), shifted.LabelArray());
        using var unshifted = ImageShift.Apply(images, 0);
        Assert.True(Same(unshifted.Pixels, images.Pixels));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_shift_outside_the_image_is_refused(int pixels)
    {
        using var images = Numbered(size: 4);
        var error = Assert.Throws<InvalidSettingException>(() => ImageShift.Apply(images, pixels));
        Assert.Equal($"Shift {pixels}: must be between 0 and 3 pixels for 4×4 images.", error.Message);
    }
}
