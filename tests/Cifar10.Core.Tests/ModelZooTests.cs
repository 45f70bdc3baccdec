using Cifar10.Core;
using Cifar10.Core.Models;
using Cifar10.Core.Training;

namespace Cifar10.Core.Tests;

public class ModelZooTests
{
    [Fact]
    public void Each_recipe_defaults_to_a_network_whose_default_recipe_it_is()
    {
        Assert.Equal(["cnn-3x3", "fast", "fast-whitened"], TrainingRecipes.All.Select(ModelZoo.DefaultModel));
        foreach (var recipe in TrainingRecipes.All)
            Assert.Same(recipe, ModelZoo.DefaultRecipe(ModelZoo.DefaultModel(recipe)));
        Assert.Equal("fast", ModelZoo.DefaultModel(TrainingRecipes.Fast with { Epochs = 3 }));
    }

    [Theory]
    [InlineData("dense", 1_707_274, 1_707_274)]
    [InlineData("cnn-3x3", 357_706, 357_258)]
    [InlineData("cnn-5x5", 523_082, 522_634)]
    public void Parameter_counts_match_the_original_keras_summary(string id, long total, long trainable)
    {
        var model = ModelZoo.Get(id);
        Assert.Equal(total, model.TotalParameters);
        Assert.Equal(trainable, model.TrainableParameters);
        Assert.Equal(total - trainable, model.NonTrainableParameters);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("cnn-3x3")]
    [InlineData("cnn-7x7")]
    public void Counted_parameters_equal_the_torch_modules_parameters_and_running_statistics(string id)
    {
        var model = ModelZoo.Get(id);
        using var module = model.CreateModule();
        var trainable = module.parameters().Sum(p => p.numel());
        var statistics = module.named_buffers().Where(b => b.name.EndsWith("running_mean") || b.name.EndsWith("running_var")).Sum(b => b.buffer.numel());
        Assert.Equal(model.TrainableParameters, trainable);
        Assert.Equal(model.NonTrainableParameters, statistics);
    }

    [Fact]
    public void Shapes_are_inferred_layer_to_layer()
    {
        var model = ModelZoo.Cnn(3);
        Assert.Equal(new Shape(32, 32, 32), model.Layers[0].Output);
        Assert.Equal(new Shape(128, 4, 4), model.Layers[8].Output);
        Assert.Equal(new Shape(2048), model.Layers[9].Output);
        Assert.Equal(new Shape(10), model.Output);
        using var module = model.CreateModule();
        using var output = module.forward(TorchSharp.torch.zeros(2, 3, 32, 32));
        Assert.Equal(new long[] { 2, 10 }, output.shape);
    }

    [Fact]
    public void Multiply_adds_are_counted_from_the_architecture()
    {
        // conv: k²·Cin·Cout·H·W, dense: in·out (DESIGN.md: 10.59 M for the 3×3 CNN).
        long expected = 9L * 3 * 32 * 32 * 32 + 9L * 32 * 64 * 16 * 16 + 9L * 64 * 128 * 8 * 8 + 2048L * 128 + 128L * 10;
        Assert.Equal(expected, ModelZoo.Cnn(3).MultiplyAdds);
        Assert.Equal(3072L * 512 + 512L * 256 + 256L * 10, ModelZoo.Dense().MultiplyAdds);
    }

    [Fact]
    public void Summary_is_a_keras_like_table_with_totals()
    {
        var text = ModelZoo.Get("cnn-5x5").Summary();
        Assert.Contains("conv2d_1 (Conv2D)", text);
        Assert.Contains("(None, 32, 32, 32)", text);
        Assert.Contains("Total params: 523,082", text);
        Assert.Contains("Trainable params: 522,634", text);
        Assert.Contains("Non-trainable params: 448", text);
    }

    [Theory]
    [InlineData("cnn-4x4", "positive odd number")]
    [InlineData("cnn-0x0", "positive odd number")]
    [InlineData("cnn-3x5", "square")]
    [InlineData("resnet", "unknown")]
    public void Bad_model_ids_give_one_line_errors(string id, string expected)
    {
        var error = Assert.ThrowsAny<CifarException>(() => ModelZoo.Get(id));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_new_architecture_is_a_few_lines_of_builder()
    {
        var tiny = SequentialBuilder.Input(3, 32, 32).Conv2D(8, 3).MaxPool().Flatten().Dense(10, Activation.None).Build("tiny", "test");
        Assert.Equal(3 * 9 * 8 + 8 + 8 * 16 * 16 * 10 + 10, tiny.TotalParameters);
        Assert.Throws<ArgumentException>(() => SequentialBuilder.Input(3, 32, 32).Dense(10).Build("bad", "dense before flatten"));
    }

    [Fact]
    public void Identity_initialised_convolutions_pass_their_first_channels_through_and_start_the_rest_small()
    {
        var spec = new Conv2DSpec(8, 3, Activation.None, UseBias: false, IdentityInit: true);
        using var conv = spec.CreateModule(new Shape(4, 6, 6));
        using var input = TorchSharp.torch.randn(2, 4, 6, 6);
        using var output = conv.forward(input);
        Assert.True(output.narrow(1, 0, 4).allclose(input), "the first 4 filters should copy their input channels");
        Assert.False(output.narrow(1, 4, 4).allclose(input), "the other filters are random");
        var weights = conv.parameters().Single().narrow(0, 4, 4);
        Assert.True(weights.abs().max().item<float>() <= 1 / Math.Sqrt(4 * 9), "PyTorch's default bound ±1/sqrt(fan-in)");
        Assert.True(weights.std().item<float>() > 0.05, "the other filters must not be all zero");
    }
}
