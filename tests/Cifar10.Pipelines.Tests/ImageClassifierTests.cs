using Cifar10.Core.Data;
using Cifar10.Pipelines.Evaluation;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Xunit.Abstractions;

namespace Cifar10.Pipelines.Tests;

/// <summary>The exported model scored through ML.NET, on the real test set.</summary>
public class ImageClassifierTests(ITestOutputHelper output)
{
    [RealDataFact]
    public void MlNet_accuracy_on_the_10000_test_images_reproduces_torchsharp_within_0_05_pp()
    {
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var metrics = classifier.Evaluate(RealCifar.Test, CifarClasses.Names);
        var torch = QuickRun.Card.TestAccuracy!.Value;
        output.WriteLine($"ML.NET micro-accuracy {metrics.MicroAccuracy:P3} vs TorchSharp {torch:P3} on {metrics.Count:N0} images");

        Assert.Equal(10_000, metrics.Count);
        Assert.True(Math.Abs(metrics.MicroAccuracy - torch) * 100 <= 0.05, $"ML.NET {metrics.MicroAccuracy:P3} vs TorchSharp {torch:P3}");
        Assert.True(metrics.MicroAccuracy > 0.15, "the quickly trained model should beat chance (10 %) clearly"); // guards against a broken fixture
    }

    [RealDataFact]
    public void The_runs_model_zip_scores_exactly_like_its_model_onnx()
    {
        using var onnx = ImageClassifier.Load(QuickRun.OnnxPath);
        using var zip = ImageClassifier.Load(QuickRunModelZip.Path);
        Assert.Equal(onnx.ClassNames, zip.ClassNames);
        Assert.Equal(32, zip.ImageSize);

        var records = Enumerable.Range(0, 50).Select(RealCifar.TestRecord).ToArray();
        var fromOnnx = onnx.PredictProbabilities(records);
        var fromZip = zip.PredictProbabilities(records);
        for (int i = 0; i < fromOnnx.Length; i++) Assert.Equal(fromOnnx[i], fromZip[i], 5);
        Assert.Equal(onnx.PredictPixels(records[0]).Label, zip.PredictPixels(records[0]).Label);
    }

    [RealDataFact]
    public void A_png_of_a_test_image_scores_exactly_like_its_record_and_like_the_batch_path()
    {
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var records = Enumerable.Range(0, 10).Select(RealCifar.TestRecord).ToArray();
        var batch = classifier.PredictProbabilities(records);
        for (int i = 0; i < records.Length; i++)
        {
            var fromPng = classifier.PredictImage(ImageFixtures.RecordAsPng(records[i]), $"test-{i}.png");
            var fromRecord = classifier.PredictPixels(records[i]);
            Assert.Equal(fromRecord, fromPng, new PredictionComparer());
            Assert.Equal(batch.Skip(i * 10).Take(10), fromRecord.Scores);
            Assert.Equal(3, fromPng.Top.Count);
            Assert.Equal(fromPng.Label, fromPng.Top[0].Label);
            Assert.True(fromPng.Top[0].Probability >= fromPng.Top[1].Probability && fromPng.Top[1].Probability >= fromPng.Top[2].Probability);
        }
    }

    [RealDataFact]
    public void The_engine_pool_gives_the_same_answers_from_many_threads()
    {
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var records = Enumerable.Range(0, 40).Select(RealCifar.TestRecord).ToArray();
        var expected = classifier.PredictProbabilities(records);
        var results = new float[records.Length][];
        Parallel.For(0, records.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = classifier.PredictPixels(records[i]).Scores.ToArray());
        for (int i = 0; i < records.Length; i++)
            Assert.Equal(expected.Skip(i * 10).Take(10), results[i]);
    }

    [RealDataFact]
    public void Engines_the_pool_drops_under_load_leave_the_shared_model_usable()
    {
        // Regression: a dropped engine used to dispose the shared transformer (ML.NET's default
        // ownership), so every later prediction failed; `serve` answered 500 from then on.
        using var classifier = ImageClassifier.Load(QuickRun.OnnxPath);
        var schema = ClassifierSchema.ForOnnx();
        using var pool = new PredictionEnginePool<ClassifierInput, ClassifierOutput>(new Microsoft.ML.MLContext(seed: 0), classifier.Transformer, schema.Input, schema.Output, maxRetained: 1);
        // A fresh image per prediction: ML.NET's resize hands a same-size image through and disposes it afterwards.
        ClassifierInput Input() => new() { Image = PlanarImage.ToImage(RealCifar.TestRecord(0)) };
        var expected = pool.Predict(Input()).Score;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => pool.Predict(Input())); // more engines than it keeps: some are dropped
        Assert.Equal(expected, pool.Predict(Input()).Score);
    }

    [RealDataFact]
    public void Class_names_travel_inside_the_model_not_beside_it()
    {
        using var temp = new TempDirectory();
        var bare = temp.File("model.onnx");
        File.Copy(QuickRun.OnnxPath, bare);
        using var classifier = ImageClassifier.Load(bare);
        Assert.Equal(CifarClasses.Names, classifier.ClassNames);
        Assert.Contains(classifier.PredictPixels(RealCifar.TestRecord(0)).Label, CifarClasses.Names);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("missing")]
    [InlineData("text", ".zip")]
    [InlineData("binary", ".zip")]
    [InlineData("missing", ".zip")]
    public void A_broken_model_file_is_a_one_line_error_naming_it(string kind, string extension = ".onnx")
    {
        using var temp = new TempDirectory();
        var path = temp.File("model" + extension);
        if (kind == "truncated" && RealCifar.Directory is not null) File.WriteAllBytes(path, File.ReadAllBytes(QuickRun.OnnxPath)[..5000]);
        else if (kind == "truncated") File.WriteAllBytes(path, [0x08, 0x08, 0x12, 0x0B, 0x43, 0x69]);
        else if (kind == "empty") File.WriteAllBytes(path, []);
        else if (kind == "text") File.WriteAllText(path, "not a model at all\n");
        var error = Assert.ThrowsAny<ScoringException>(() => ImageClassifier.Load(path));
        Assert.StartsWith($"{path}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_scoring_package_reads_the_names_the_exporter_writes()
    {
        // Cifar10.Scoring does not reference Cifar10.Core (no TorchSharp), so it keeps its own copies of the contract's names.
        Assert.Equal(
            (Core.Export.OnnxContract.InputName, Core.Export.OnnxContract.OutputName, Core.Export.OnnxContract.ClassNamesKey,
             Core.Export.OnnxContract.NetworkScoreOutputName, Core.Export.OnnxContract.PredictedOneHotOutputName),
            (OnnxModelValidator.InputName, OnnxModelValidator.OutputName, OnnxModelValidator.ClassNamesKey, ImagePipeline.NetworkScore, ImagePipeline.PredictedOneHot));
    }

    [Fact]
    public void Top_k_is_ordered_by_probability_with_ties_in_label_order()
    {
        var prediction = ImagePrediction.FromProbabilities([0.1f, 0.3f, 0.3f, 0.05f, 0.25f], ["a", "b", "c", "d", "e"], topK: 4);
        Assert.Equal(["b", "c", "e", "a"], prediction.Top.Select(t => t.Label));
        Assert.Equal(("b", 0.3f), (prediction.Label, prediction.Probability));
    }

    sealed class PredictionComparer : IEqualityComparer<ImagePrediction>
    {
        public bool Equals(ImagePrediction? x, ImagePrediction? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Scores.SequenceEqual(y.Scores) && x.Top.SequenceEqual(y.Top);
        public int GetHashCode(ImagePrediction obj) => obj.Label.GetHashCode();
    }
}
