using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;
using Xunit.Abstractions;
using Google.Protobuf;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>ONNX Runtime on the exported file must give TorchSharp's probabilities on real images.</summary>
public class OnnxExportParityTests(ITestOutputHelper output)
{
    const int Images = 1000;
    const float Tolerance = 1e-4f;

    [RealDataFact]
    public void Dense_export_matches_torchsharp_on_1000_real_images() =>
        AssertParity(ModelZoo.Dense(), InputScaling.Unit, seed: 1);

    [RealDataFact]
    public void Cnn3x3_export_with_perturbed_batchnorm_matches_torchsharp() =>
        AssertParity(ModelZoo.Cnn(3), InputScaling.Unit, seed: 2);

    [RealDataFact]
    public void Cnn5x5_export_with_standardized_input_matches_torchsharp()
    {
        using var sample = RealCifar.Test.Take(2000);
        AssertParity(ModelZoo.Cnn(5), InputScaling.StandardizedOn(sample), seed: 3);
    }

    [RealDataFact]
    public void Quickly_trained_strided_valid_stacked_cnn_export_matches_torchsharp()
    {
        // Untrained, these variants give every image one class; a short run makes agreement mean something.
        using var data = new ImageDataset(RealCifar.Train1.Take(2000), RealCifar.Test.Take(Images), CifarClasses.Names, RealCifar.Directory!);
        using var split = DataSplit.Create(data, seed: 7);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 1, BatchSize = 32 }, CPU, seed: 7);
        var definition = ModelZoo.Get("cnn-3x3-2conv-strided-valid");
        using var module = trainer.CreateModel(definition);
        trainer.Fit(module, split.Train, split.Validation, InputScaling.Unit);
        BatchNormRecalibration.Recalibrate(module, split.Train, InputScaling.Unit, CPU, 256);
        AssertParity(definition, module, InputScaling.Unit);
    }

    [RealDataFact]
    public void Gelu_layers_export_with_the_exact_erf_form()
    {
        var definition = SequentialBuilder.Input(3, 32, 32)
            .Conv2D(8, 3, Activation.Gelu).BatchNorm().MaxPool(4)
            .Flatten().Dense(32, Activation.Gelu).Dense(10, Activation.None)
            .Build("gelu-test", "conv and dense with GELU");
        AssertParity(definition, InputScaling.Unit, seed: 4);
    }

    [RealDataFact]
    public void Fast_network_exports_with_standalone_gelu_bias_free_layers_and_logit_scale() =>
        AssertQuicklyTrainedFastParity(ModelZoo.Fast(16, 64, 64, "fast-narrow")); // fast-half's layers at a quarter of its width: the same kinds to export, a fraction of the training

    [RealDataFact]
    public void Fast_network_with_a_fitted_whitening_stem_exports_it_as_a_convolution() =>
        AssertQuicklyTrainedFastParity(ModelZoo.Fast(16, 64, 64, "fast-narrow-whitened", whiteningStem: true));

    void AssertQuicklyTrainedFastParity(ModelDefinition definition)
    {
        // Untrained, this deep BatchNorm/GELU stack gives every image the same class; two short
        // epochs of the fast recipe make the predictions differ, so agreement means something.
        using var split = DataSplit.Create(TestData.Real, seed: 6, trainLimit: 2_000, testLimit: 10);
        var trainer = new Trainer(TrainingRecipes.Fast with { Epochs = 2, BatchSize = 128 }, CPU, seed: 6);
        using var module = trainer.CreateModel(definition);
        var scaling = InputScaling.StandardizedOn(split.Train);
        trainer.Fit(module, split.Train, split.Validation, scaling);
        AssertParity(definition, module, scaling);
        AssertParity(definition, module, scaling, TrainingRecipes.Fast.EvaluationViews); // test-time augmentation in the graph
    }

    [RealDataFact]
    public void Quickly_trained_cnn3x3_export_matches_torchsharp()
    {
        using var data = new ImageDataset(RealCifar.Train1.Take(2000), RealCifar.Test.Take(Images), CifarClasses.Names, RealCifar.Directory!);
        using var split = DataSplit.Create(data, seed: 5);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 1 }, CPU, seed: 5);
        var definition = ModelZoo.Cnn(3);
        using var module = trainer.CreateModel(definition);
        trainer.Fit(module, split.Train, split.Validation, InputScaling.Unit);
        AssertParity(definition, module, InputScaling.Unit);
    }

    void AssertParity(ModelDefinition definition, InputScaling scaling, int seed)
    {
        manual_seed(seed);
        using var module = definition.CreateModule();
        PerturbBatchNorm(module, seed);
        AssertParity(definition, module, scaling);
    }

    void AssertParity(ModelDefinition definition, nn.Module<Tensor, Tensor> module, InputScaling scaling, TestTimeAugmentation views = default)
    {
        using var images = RealCifar.Test.Take(Images);
        using var expected = ModelEvaluator.PredictProbabilities(module, images.Pixels, scaling, CPU, views: views);
        var torchProbabilities = expected.data<float>().ToArray();

        using var raw = images.Pixels.to_type(ScalarType.Float32);
        var onnx = OnnxExporter.Build(definition, module, scaling, views: views).ToByteArray();
        var onnxProbabilities = OnnxRuntimeRunner.Run(onnx, raw.data<float>().ToArray(), Images);

        var maxDiff = torchProbabilities.Zip(onnxProbabilities, (a, b) => Math.Abs(a - b)).Max();
        var agree = Enumerable.Range(0, Images).Count(i => ArgMax(torchProbabilities, i) == ArgMax(onnxProbabilities, i));
        output.WriteLine($"{definition.Id} ({views.Count} views): max |ORT − TorchSharp| = {maxDiff:E2}, classes agree on {agree}/{Images}");
        Assert.True(maxDiff <= Tolerance, $"{definition.Id}: max |ORT − TorchSharp| = {maxDiff:E2} > {Tolerance:E0}");
        for (int i = 0; i < Images; i++)
            Assert.True(ArgMax(torchProbabilities, i) == ArgMax(onnxProbabilities, i), $"{definition.Id}: image {i} predicted differently");
        // A model that predicts one class for everything would agree trivially; make sure this one does not.
        Assert.True(Enumerable.Range(0, Images).Select(i => ArgMax(torchProbabilities, i)).Distinct().Count() > 1,
            $"{definition.Id}: every image got the same class, so class agreement proves little");
    }

    // Fresh BatchNorm layers have mean 0, variance 1, scale 1, shift 0: an export that ignored
    // them would still pass. Random statistics make every one of the four tensors matter.
    static void PerturbBatchNorm(nn.Module<Tensor, Tensor> module, int seed)
    {
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed);
        foreach (var (name, tensor) in module.state_dict())
        {
            if (name.EndsWith("running_mean")) tensor.copy_(randn(tensor.shape, generator: generator) * 0.2f);
            else if (name.EndsWith("running_var")) tensor.copy_(rand(tensor.shape, generator: generator) + 0.5f);
            else if (name.StartsWith("batchnormalization") && name.EndsWith("weight")) tensor.copy_(rand(tensor.shape, generator: generator) + 0.5f);
            else if (name.StartsWith("batchnormalization") && name.EndsWith("bias")) tensor.copy_(randn(tensor.shape, generator: generator) * 0.1f);
        }
    }

    static int ArgMax(float[] probabilities, int row)
    {
        int best = 0;
        for (int c = 1; c < 10; c++) if (probabilities[row * 10 + c] > probabilities[row * 10 + best]) best = c;
        return best;
    }
}
