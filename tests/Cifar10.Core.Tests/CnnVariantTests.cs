using Cifar10.Core.Models;

namespace Cifar10.Core.Tests;

/// <summary>The study CNN's variants: ids, shapes, and parameter and multiply-add counts against their closed forms.</summary>
public class CnnVariantTests
{
    [Theory]
    [InlineData("cnn-1x1")]
    [InlineData("cnn-3x3")]
    [InlineData("cnn-5x5")]
    [InlineData("cnn-7x7")]
    [InlineData("cnn-3x3-2conv")]
    [InlineData("cnn-3x3-2blocks")]
    [InlineData("cnn-3x3-4blocks")]
    [InlineData("cnn-3x3-strided")]
    [InlineData("cnn-3x3-valid")]
    [InlineData("cnn-5x5-2blocks-valid")]
    [InlineData("cnn-3x3-2conv-strided-valid")]
    public void Parameters_and_multiply_adds_equal_the_closed_form(string id)
    {
        var variant = CnnVariant.TryParse(id)!;
        var model = ModelZoo.Get(id);
        var (parameters, multiplyAdds) = ClosedForm(variant.Kernel, variant.Blocks, variant.ConvsPerBlock,
            variant.Downsampling == Downsampling.StridedConv, variant.Padding == Padding.Valid);
        Assert.Equal(parameters, model.TotalParameters);
        Assert.Equal(multiplyAdds, model.MultiplyAdds);
        using var module = model.CreateModule();
        Assert.Equal(model.TrainableParameters, module.parameters().Sum(p => p.numel()));
    }

    // Per convolution k²·c_in·c weights, c biases and 4·c BatchNorm values (γ, β, running mean and
    // variance); 'same' keeps the side, 'valid' takes k − 1 off it, a stride of 2 halves it (rounding
    // up for 'same', as ⌊(s − k)/2⌋ + 1 for 'valid'), a max-pool halves it rounding down. Then
    // Flatten → Dense 128 → Dense 10.
    static (long Parameters, long MultiplyAdds) ClosedForm(int k, int blocks, int convs, bool strided, bool valid)
    {
        long parameters = 0, multiplyAdds = 0;
        int channels = 3, side = 32;
        for (int block = 0; block < blocks; block++)
        {
            var filters = 32 << block;
            for (int conv = 0; conv < convs; conv++)
            {
                var halves = strided && conv == convs - 1;
                side = (halves, valid) switch
                {
                    (false, false) => side,
                    (false, true) => side - k + 1,
                    (true, false) => (side + 1) / 2,
                    (true, true) => (side - k) / 2 + 1,
                };
                parameters += (long)k * k * channels * filters + filters + 4 * filters;
                multiplyAdds += (long)k * k * channels * filters * side * side;
                channels = filters;
            }
            if (!strided) side /= 2;
        }
        long flat = (long)channels * side * side;
        parameters += flat * 128 + 128 + 128 * 10 + 10;
        multiplyAdds += flat * 128 + 128 * 10;
        return (parameters, multiplyAdds);
    }

    [Theory]
    [InlineData("cnn-3x3", 3, 3, 1, Downsampling.MaxPool, Padding.Same)]
    [InlineData("cnn-7x7-3conv-4blocks-strided-valid", 7, 4, 3, Downsampling.StridedConv, Padding.Valid)]
    [InlineData("CNN-5x5-2CONV", 5, 3, 2, Downsampling.MaxPool, Padding.Same)]
    public void Ids_name_every_departure_from_the_study_cnn(string id, int kernel, int blocks, int convs, Downsampling downsampling, Padding padding)
    {
        var variant = CnnVariant.TryParse(id);
        Assert.Equal(new CnnVariant(kernel, blocks, convs, downsampling, padding), variant);
        Assert.Equal(id.ToLowerInvariant(), variant!.Id);
    }

    [Fact]
    public void Strided_blocks_halve_the_maps_without_pooling_layers()
    {
        var model = ModelZoo.Get("cnn-3x3-strided");
        Assert.DoesNotContain(model.Layers, l => l.Spec is MaxPoolSpec);
        Assert.Equal([(32, 16), (64, 8), (128, 4)], model.Layers.Where(l => l.Spec is Conv2DSpec).Select(l => (l.Output.Channels, l.Output.Height)));
    }

    [Theory]
    [InlineData("cnn-3x5", "kernels must be square (cnn-KxK).")]
    [InlineData("cnn-5x5-4blocks-valid", "does not fit 32×32 images")]
    [InlineData("cnn-3x3-9blocks", "a CNN has 1 to 8 blocks.")]
    public void Variants_that_cannot_be_built_give_one_line_errors(string id, string problem)
    {
        var error = Assert.IsType<InvalidSettingException>(Record.Exception(() => ModelZoo.Get(id)));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"Architecture {id}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
