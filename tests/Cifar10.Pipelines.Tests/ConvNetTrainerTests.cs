using System.Globalization;
using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Trainers;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Microsoft.ML;
using Microsoft.ML.Data;
using SkiaSharp;
using Xunit.Abstractions;

namespace Cifar10.Pipelines.Tests;

/// <summary>The ConvNet trainer inside ML.NET pipelines, on folders of real CIFAR-10 images.</summary>
public class ConvNetTrainerTests(ITestOutputHelper output)
{
    static readonly int[] Classes = [1, 7, 8]; // automobile, horse, ship

    [RealDataFact]
    public void A_folder_pipeline_trains_evaluates_and_its_saved_zip_scores_the_same_in_a_plain_mlnet_app()
    {
        using var data = new TempDirectory();
        var (trainRoot, testRoot) = TrainAndTestFolders(data, trainPerClass: 300, testPerClass: 100);
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.LoadImagesFromFolders(trainRoot);
        var test = mlContext.Data.LoadImagesFromFolders(testRoot);

        var convNet = mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options { Epochs = 3 });
        var model = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(convNet)
            .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(train);
        var scored = model.Transform(test);
        var metrics = mlContext.MulticlassClassification.Evaluate(scored);
        output.WriteLine($"test accuracy {metrics.MicroAccuracy:P2} on {metrics.ConfusionMatrix.Counts.Sum(r => r.Sum())} images after {convNet.LastFit!.History.Epochs.Count} epochs ({convNet.LastFit.History.TotalSeconds:F1} s)");

        Assert.Equal(900, convNet.LastFit!.TrainImages + convNet.LastFit.ValidationImages);
        Assert.Equal(["automobile", "horse", "ship"], convNet.LastFit.ClassNames);
        Assert.True(metrics.MicroAccuracy > 0.55, $"accuracy {metrics.MicroAccuracy:P1}; chance is 33 %");
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), scored.Schema["Score"].Type);
        Assert.Equal(TextDataViewType.Instance, scored.Schema["PredictedLabel"].Type);

        var zip = data.File("model.zip");
        mlContext.Model.Save(model, train.Schema, zip);
        var files = Directory.GetFiles(testRoot, "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".txt")).Order(StringComparer.Ordinal).Take(24).ToArray();
        var inProcess = model.Transform(mlContext.Data.LoadFromEnumerable(files.Select(f => new PathLabel { ImagePath = f })));
        var labels = inProcess.GetColumn<string>("PredictedLabel").ToArray();
        var scores = inProcess.GetColumn<float[]>("Score").ToArray();

        var app = Path.Combine(PackagingTests.RepositoryRoot(), "samples", "ScoreWithMlNet");
        using var appFolder = new TempDirectory();
        var appOutput = appFolder.Path;
        var build = DotnetProcess.Run(["build", app, "-c", "Release", "-o", appOutput], timeout: TimeSpan.FromMinutes(4));
        Assert.True(build.ExitCode == 0, build.ToString());
        var run = DotnetProcess.Run([Path.Combine(appOutput, "ScoreWithMlNet.dll"), zip, .. files]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Length, lines.Length);
        for (int i = 0; i < files.Length; i++)
        {
            var parts = lines[i].Split('\t');
            Assert.Equal((files[i], labels[i]), (parts[0], parts[1]));
            var appScores = parts[2].Split(' ').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            for (int k = 0; k < 3; k++) Assert.Equal(scores[i][k], appScores[k], 5);
        }
        Assert.DoesNotContain(Directory.GetFiles(appOutput), f => Path.GetFileName(f).StartsWith("Cifar10") || Path.GetFileName(f).StartsWith("TorchSharp"));
    }

    [RealDataFact]
    public void Default_options_on_1350_images_give_a_useful_model_with_meaningful_validation()
    {
        using var data = new TempDirectory();
        var (trainRoot, testRoot) = TrainAndTestFolders(data, trainPerClass: 450, testPerClass: 200);
        var mlContext = new MLContext(seed: 1);
        var convNet = mlContext.MulticlassClassification.Trainers.ConvNet();
        var model = mlContext.Transforms.Conversion.MapValueToKey("Label").Append(convNet).Fit(mlContext.Data.LoadImagesFromFolders(trainRoot));
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(mlContext.Data.LoadImagesFromFolders(testRoot)));
        var fit = convNet.LastFit!;
        output.WriteLine($"defaults: {fit.History.Epochs.Count} epochs, last validation {fit.History.Epochs[^1].ValidationAccuracy:P1}, test {metrics.MicroAccuracy:P2}, {fit.RecalibratedBatchNormLayers} BatchNorm layers recalibrated");

        Assert.Equal(1350, fit.TrainImages + fit.ValidationImages);
        Assert.Equal(3, fit.RecalibratedBatchNormLayers);
        Assert.True(metrics.MicroAccuracy > 0.6, $"accuracy {metrics.MicroAccuracy:P1}; chance is 33 %");
        // Recalibrated before each validation pass, the validation accuracy tracks the model (Keras' momentum alone leaves it near chance).
        Assert.True(fit.History.Best.ValidationAccuracy > 0.6, $"best validation accuracy {fit.History.Best.ValidationAccuracy:P1}");
    }

    [RealDataFact]
    public void A_builder_network_reloads_from_its_run_folder_and_re_exports_to_the_same_model()
    {
        using var data = new TempDirectory();
        var trainRoot = CifarFolders.Write(data.File("train"), RealCifar.Train1, Classes, perClass: 60);
        var definition = SequentialBuilder.Input(3, 24, 24)
            .Conv2D(8, 3).MaxPool().Conv2D(16, 3).BatchNorm().MaxPool().Flatten().Dense(32).Dense(3, Activation.None)
            .Build("tiny-24", "a network no zoo knows");
        var run = data.File("run");
        var mlContext = new MLContext(seed: 1);
        var model = mlContext.Transforms.Conversion.MapValueToKey("Label")
            .Append(mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options { Definition = definition, ImageSize = 24, Epochs = 1, RunDirectory = run }))
            .Fit(mlContext.Data.LoadImagesFromFolders(trainRoot));

        using var reloaded = new RunFolder(run).LoadModel();
        Assert.Equal("tiny-24", reloaded.Definition.Id);
        Assert.Equal(definition.TotalParameters, reloaded.Definition.TotalParameters);
        var reexported = data.File("reexported.onnx");
        OnnxExporter.Export(reloaded, reexported);
        using var fromRun = ImageClassifier.Load(new RunFolder(run).OnnxPath);
        using var fromReload = ImageClassifier.Load(reexported);
        Assert.Equal(24, fromReload.ImageSize);
        Assert.Equal(["automobile", "horse", "ship"], fromReload.ClassNames);
        var records = Enumerable.Range(0, 8).Select(RealCifar.TestRecord).ToArray();
        Assert.Equal(fromRun.PredictProbabilities(records), fromReload.PredictProbabilities(records));
    }

    [Fact]
    public void A_root_with_one_class_folder_or_an_empty_class_folder_is_a_one_line_error()
    {
        using var temp = new TempDirectory();
        var root = temp.Path;
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "cats")).FullName, "a.png"), ImageFixtures.Solid(8, 8, SKColors.Red));
        var mlContext = new MLContext();
        var one = Assert.Throws<CifarException>(() => mlContext.Data.LoadImagesFromFolders(root));
        Assert.Equal($"{root}: needs one sub-folder per class and at least two classes; found 1 class folder.", one.Message);

        Directory.CreateDirectory(Path.Combine(root, "dogs"));
        File.WriteAllText(Path.Combine(root, "dogs", "readme.txt"), "no images here");
        var empty = Assert.Throws<CifarException>(() => mlContext.Data.LoadImagesFromFolders(root));
        Assert.StartsWith($"{Path.Combine(root, "dogs")}: class folder 'dogs' has no images", empty.Message);
        Assert.DoesNotContain('\n', empty.Message);
    }

    [Theory]
    [InlineData("truncated", "image data is truncated")]
    [InlineData("corrupt", "not a supported image")]
    [InlineData("huge", "MP limit")]
    public void A_bad_image_stops_the_fit_before_training_with_a_line_naming_it_or_is_skipped_and_counted(string kind, string expected)
    {
        using var temp = new TempDirectory();
        var root = TinyFolder(temp, out var mlContext);
        var bad = Path.Combine(root, "b", $"{kind}.png");
        File.WriteAllBytes(bad, kind switch
        {
            "truncated" => Truncated(ImageFixtures.Solid(400, 400, SKColors.CornflowerBlue, SKEncodedImageFormat.Jpeg)),
            "corrupt" => "definitely not a png"u8.ToArray(),
            _ => ImageFixtures.PngHeaderOnly(20_000, 20_000),
        });
        var view = mlContext.Data.LoadImagesFromFolders(root);
        var stages = new List<string>();
        var options = new ConvNetTrainer.Options { Architecture = "dense", Epochs = 1, ImageSize = 16, Progress = new SynchronousProgress(p => stages.Add(p.Stage)) };

        var error = Assert.Throws<CifarException>(() => Keyed(mlContext, options).Fit(view));
        Assert.StartsWith($"{bad}: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(ConvNetProgress.Training, stages);

        options.SkipUnreadableImages = true;
        var trainer = mlContext.MulticlassClassification.Trainers.ConvNet(options);
        mlContext.Transforms.Conversion.MapValueToKey("Label").Append(trainer).Fit(view);
        Assert.Equal(1, trainer.LastFit!.SkippedImages);
        Assert.Equal(8, trainer.LastFit.TrainImages + trainer.LastFit.ValidationImages);
    }

    [Fact]
    public void A_text_label_or_a_numeric_image_column_is_a_one_line_error_before_any_work()
    {
        using var temp = new TempDirectory();
        var root = TinyFolder(temp, out var mlContext);
        var view = mlContext.Data.LoadImagesFromFolders(root);
        var trainer = mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options { Architecture = "dense", Epochs = 1, ImageSize = 16 });
        var notKey = Assert.Throws<InvalidSettingException>(() => trainer.Fit(view));
        Assert.Contains("not a key type: add mlContext.Transforms.Conversion.MapValueToKey(\"Label\")", notKey.Message);

        var numbers = mlContext.Data.LoadFromEnumerable(new[] { new NumberImage { Label = "a", ImagePath = 1 }, new NumberImage { Label = "b", ImagePath = 2 } });
        var wrongType = Assert.Throws<InvalidSettingException>(() => mlContext.Transforms.Conversion.MapValueToKey("Label").Append(trainer).Fit(numbers));
        Assert.Equal("ImageColumnName ImagePath: is Single; expected an image path (text) or an MLImage.", wrongType.Message);
    }

    static byte[] Truncated(byte[] bytes) => bytes[..(bytes.Length * 2 / 3)];

    // Real CIFAR-10 images of the three classes as folders: training images from the first batch, test images from the test set.
    static (string Train, string Test) TrainAndTestFolders(TempDirectory data, int trainPerClass, int testPerClass) =>
        (CifarFolders.Write(data.File("train"), RealCifar.Train1, Classes, trainPerClass), CifarFolders.Write(data.File("test"), RealCifar.Test, Classes, testPerClass));

    // Two class folders of four real 32×32 images each.
    static string TinyFolder(TempDirectory temp, out MLContext mlContext)
    {
        mlContext = new MLContext(seed: 3);
        var root = temp.Path;
        for (int i = 0; i < 8; i++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, i < 4 ? "a" : "b")).FullName;
            File.WriteAllBytes(Path.Combine(folder, $"{i}.png"), ImageFixtures.RecordAsPng(RealCifar.Directory is null ? new byte[CifarBinaryReader.PixelCount] : RealCifar.TestRecord(i)));
        }
        return root;
    }

    static IEstimator<ITransformer> Keyed(MLContext mlContext, ConvNetTrainer.Options options) =>
        mlContext.Transforms.Conversion.MapValueToKey("Label").Append(mlContext.MulticlassClassification.Trainers.ConvNet(options));

    sealed class SynchronousProgress(Action<ConvNetProgress> report) : IProgress<ConvNetProgress>
    {
        public void Report(ConvNetProgress value) => report(value);
    }

    sealed class PathLabel
    {
        public string ImagePath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    sealed class NumberImage
    {
        public string Label { get; set; } = "";
        public float ImagePath { get; set; }
    }
}
