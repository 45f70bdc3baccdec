using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Tests.Shared;

/// <summary>
/// A real, quickly trained run folder (dense model, 5,000 real training images, 2 epochs: a few
/// seconds) with <c>model.bin</c>, <c>model.json</c>, <c>model.onnx</c> and <c>manifest.json</c>, made once per test process.
/// </summary>
public static class QuickRun
{
    static readonly Lazy<string> Folder = new(Create);

    /// <summary>The run folder.</summary>
    public static string Directory => Folder.Value;
    /// <summary>The exported model.</summary>
    public static string OnnxPath => new RunFolder(Directory).OnnxPath;
    /// <summary>The card, with the TorchSharp test accuracy on all 10,000 test images.</summary>
    public static ModelCard Card => new RunFolder(Directory).ReadCard();

    static string Create()
    {
        var directory = ProcessTempFolder.Create("cifar10-quickrun-"); // ~14 MB per test process
        var definition = ModelZoo.Dense();
        const int seed = 11;
        using var data = new ImageDataset(RealCifar.Train1.Take(5000), RealCifar.Test.Take(10), CifarClasses.Names, RealCifar.Directory!);
        using var split = DataSplit.Create(data, seed);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 2 }, CPU, seed);
        using var module = trainer.CreateModel(definition);
        trainer.Fit(module, split.Train, split.Validation, InputScaling.Unit);
        var (loss, accuracy) = ModelEvaluator.Evaluate(module, RealCifar.Test, InputScaling.Unit, CPU);
        var card = new ModelCard
        {
            Architecture = definition.Id,
            InputScaling = InputScaling.Unit,
            ClassNames = CifarClasses.Names,
            Seed = seed,
            TotalParameters = definition.TotalParameters,
            TrainableParameters = definition.TrainableParameters,
            TestAccuracy = accuracy,
            TestLoss = loss,
        };
        var folder = new RunFolder(directory);
        folder.SaveModel(module, card);
        folder.WriteOnnx(OnnxExporter.Build(definition, module, card.InputScaling, card.ClassNames));
        folder.WriteManifest(); // last, as a finished run's: export and evaluate check it
        return directory;
    }
}
