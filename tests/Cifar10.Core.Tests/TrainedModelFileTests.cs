using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>Model and checkpoint files that are missing, corrupt or of another architecture.</summary>
public class TrainedModelFileTests
{
    static ModelCard Card(string architecture) => new() { Architecture = architecture, InputScaling = InputScaling.Unit, ClassNames = CifarClasses.Names };

    [Fact]
    public void A_saved_model_loads_back_with_identical_weights()
    {
        using var temp = new TempDirectory();
        using var module = ModelZoo.Cnn(3).CreateModule();
        new RunFolder(temp.Path).SaveModel(module, Card("cnn-3x3"));
        using var loaded = new RunFolder(temp.Path).LoadModel();
        foreach (var (name, tensor) in module.state_dict())
            Assert.True(tensor.eq(loaded.Module.state_dict()[name]).all().item<bool>(), name);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("cnn-5x5")]
    [InlineData("fast")]
    public void A_card_stores_the_layer_definitions_and_a_network_outside_the_zoo_reloads_from_them(string id)
    {
        using var temp = new TempDirectory();
        var zoo = ModelZoo.Get(id);
        var renamed = SequentialBuilder.Input(zoo.Input.Dims.ToArray());
        foreach (var layer in zoo.Layers) renamed.Add(layer.Spec);
        var definition = renamed.Build($"my-{id}", "the same layers under a name no zoo knows");
        using var module = definition.CreateModule();
        var folder = new RunFolder(temp.Path);
        folder.SaveModel(module, Card(definition.Id) with { Definition = definition });

        Assert.Contains("\"kind\": \"Dense\"", File.ReadAllText(folder.CardPath));
        using var loaded = folder.LoadModel();
        Assert.Equal(definition.Id, loaded.Definition.Id);
        Assert.Equal(definition.Layers.Select(l => l.Spec), loaded.Definition.Layers.Select(l => l.Spec));
        Assert.Equal(definition.TotalParameters, loaded.Definition.TotalParameters);
        foreach (var (name, tensor) in module.state_dict())
            Assert.True(tensor.eq(loaded.Module.state_dict()[name]).all().item<bool>(), name);
    }

    [Fact]
    public void Weights_of_another_architecture_are_refused_in_one_line()
    {
        using var temp = new TempDirectory();
        using var module = ModelZoo.Dense().CreateModule();
        new RunFolder(temp.Path).SaveModel(module, Card("cnn-3x3"));
        var error = Assert.Throws<CifarException>(() => new RunFolder(temp.Path).LoadModel());
        Assert.StartsWith($"{temp.File("model.bin")}: cannot be loaded as cnn-3x3 weights", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_truncated_model_bin_is_refused_in_one_line()
    {
        using var temp = new TempDirectory();
        using var module = ModelZoo.Dense().CreateModule();
        new RunFolder(temp.Path).SaveModel(module, Card("dense"));
        var bytes = File.ReadAllBytes(temp.File("model.bin"));
        File.WriteAllBytes(temp.File("model.bin"), bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<CifarException>(() => new RunFolder(temp.Path).LoadModel());
        Assert.StartsWith($"{temp.File("model.bin")}: cannot be loaded as dense weights", error.Message);
    }

    [Fact]
    public void A_corrupt_model_json_is_refused_in_one_line()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("model.json"), "{ not json");
        var error = Assert.Throws<CifarException>(() => new RunFolder(temp.Path).LoadModel());
        Assert.StartsWith($"{temp.File("model.json")}: not a valid model card", error.Message);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_on_resume()
    {
        using var temp = new TempDirectory();
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 300, testLimit: 10);
        var checkpoint = temp.File("checkpoint.bin");
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 1 }, CPU, seed: 1);
        using (var model = trainer.CreateModel(ModelZoo.Dense())) trainer.Fit(model, split.Train, split.Validation, InputScaling.Unit, [new TrainingCheckpoint(checkpoint, resume: false)]);
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length - 100)]);
        var resuming = new Trainer(TrainingRecipes.Study with { Epochs = 2 }, CPU, seed: 1);
        using var again = resuming.CreateModel(ModelZoo.Dense());
        var error = Assert.Throws<CifarException>(() => resuming.Fit(again, split.Train, split.Validation, InputScaling.Unit, [new TrainingCheckpoint(checkpoint, resume: true)]));
        Assert.StartsWith($"{temp.File("checkpoint.bin")}: checkpoint is corrupt or truncated", error.Message);
    }
}
