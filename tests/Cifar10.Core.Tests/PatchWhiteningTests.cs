using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Tests.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The patch-whitening stem (airbench94's first layer), fitted on real CIFAR-10 images.</summary>
public class PatchWhiteningTests
{
    const int Kernel = 2;

    [RealDataFact]
    public void The_stems_output_on_its_own_patches_has_identity_covariance_up_to_epsilon_and_no_nan()
    {
        using var scope = NewDisposeScope();
        var images = StandardizedImages(PatchWhitening.FitImages);
        var patches = PatchWhitening.Patches(images, Kernel);
        var (eigenvalues, _) = PatchWhitening.Eigen(images, Kernel);

        foreach (var epsilon in new[] { 0.0, 5e-4 })
        {
            var filters = PatchWhitening.Filters(images, Kernel, epsilon);
            Assert.Equal(new long[] { 24, 3, Kernel, Kernel }, filters.shape);
            Assert.True(filters.isfinite().all().item<bool>(), $"ε = {epsilon}: a filter is NaN or infinite");
            Assert.Equal(0, filters.narrow(0, 0, 12).add(filters.narrow(0, 12, 12)).abs().max().item<float>());

            // The 12 positive filters as the convolution applies them, over every patch: covariance diag(λ / (λ + ε)).
            var convolved = nn.functional.conv2d(images.to(ScalarType.Float64), filters.narrow(0, 0, 12).to(ScalarType.Float64));
            var outputs = convolved.permute(0, 2, 3, 1).reshape(-1, 12);
            Assert.Equal(patches.shape[0], outputs.shape[0]);
            var covariance = outputs.t().mm(outputs).div(outputs.shape[0]);
            var expected = diag(eigenvalues.div(eigenvalues.add(epsilon)));
            var worst = covariance.sub(expected).abs().max().item<double>();
            Assert.True(worst < 1e-4, $"ε = {epsilon}: covariance differs from diag(λ/(λ+ε)) by {worst:E2}");
            if (epsilon == 0)
                Assert.True(covariance.sub(eye(12, dtype: ScalarType.Float64)).abs().max().item<double>() < 1e-4, "without ε the output is not white");
        }
        // The published ε only damps directions that carry less than a thousandth of the largest one's variance.
        Assert.True(eigenvalues[0].item<double>() > 1000 * 5e-4, $"largest eigenvalue {eigenvalues[0].item<double>():E2}");
        Assert.True(eigenvalues.min().item<double>() > 0, "the patch covariance of real images is positive definite");
    }

    [RealDataFact]
    public void Training_fits_the_filters_first_keeps_them_frozen_and_trains_the_bias_for_the_first_epochs_only()
    {
        var recipe = TrainingRecipes.Fast with { Epochs = 2, BatchSize = 100, WhiteningBiasEpochs = 1, Precision = TrainingPrecision.Float32 };
        using var split = DataSplit.Create(TestData.Real, seed: 4, trainLimit: 1_000, testLimit: 10);
        var trainer = new Trainer(recipe, CPU, seed: 4);
        var definition = ModelZoo.Fast(16, 32, 32, "fast-tiny-whitened", whiteningStem: true);
        Assert.IsType<PatchWhiteningSpec>(definition.Layers[0].Spec);
        using var model = trainer.CreateModel(definition);
        var scaling = InputScaling.StandardizedOn(split.Train);
        var state = model.state_dict();
        var weight = state["patchwhitening_1.weight"];
        var bias = state["patchwhitening_1.bias"];
        Assert.Equal(0, weight.abs().max().item<float>()); // unfitted until training starts

        var biasAfterEpoch = new List<float[]>();
        trainer.Fit(model, split.Train, split.Validation, scaling, [new AtEpochEnd(() => biasAfterEpoch.Add(bias.data<float>().ToArray()))]);

        using var expectedFilters = PatchWhitening.Filters(scaling.Apply(split.Train.Pixels.narrow(0, 0, split.Train.Count), CPU), Kernel, 5e-4);
        Assert.True(weight.allclose(expectedFilters), "the filters are not the ones fitted on the training images, or they moved");
        Assert.Contains(biasAfterEpoch[0], b => b != 0);
        Assert.Equal(biasAfterEpoch[0], biasAfterEpoch[1]);
    }

    [Fact]
    public void The_stem_has_24_filters_a_trained_bias_and_can_only_come_first()
    {
        var definition = ModelZoo.Get("fast-whitened");
        var stem = definition.Layers[0];
        Assert.Equal(new Shape(24, 31, 31), stem.Output);
        Assert.Equal(24, stem.TrainableParameters);
        Assert.Equal(24 * 3 * 2 * 2, stem.NonTrainableParameters);
        Assert.Equal(new Shape(256, 1, 1), definition.Layers.Single(l => l.Spec is MaxPoolSpec { Size: 3 }).Output);
        var error = Assert.Throws<ArgumentException>(() =>
            SequentialBuilder.Input(3, 32, 32).Conv2D(8, 3).PatchWhitening().Flatten().Dense(10).Build("bad", "stem second"));
        Assert.Contains("first layer", error.Message);
    }

    static Tensor StandardizedImages(int count)
    {
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: count, testLimit: 1);
        var scaling = InputScaling.StandardizedOn(split.Train);
        return scaling.Apply(split.Train.Pixels, CPU);
    }

    sealed class AtEpochEnd(Action action) : ITrainingCallback
    {
        public void OnEpochEnd(TrainingContext context, EpochRecord logs) => action();
    }
}
