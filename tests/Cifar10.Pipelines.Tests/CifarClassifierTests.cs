using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Xunit.Abstractions;

namespace Cifar10.Pipelines.Tests;

/// <summary>The exported model scored through ML.NET, on the real test set.</summary>
public class CifarClassifierTests(ITestOutputHelper output)
{
    [RealDataFact]
    public void MlNet_accuracy_on_the_10000_test_images_reproduces_torchsharp_within_0_05_pp()
    {
        using var classifier = CifarClassifier.Load(QuickRun.OnnxPath);
        var metrics = classifier.Evaluate(RealCifar.Test);
        var torch = QuickRun.Card.TestAccuracy!.Value;
        output.WriteLine($"ML.NET micro-accuracy {metrics.MicroAccuracy:P3} vs TorchSharp {torch:P3} on {metrics.Count:N0} images");

        Assert.Equal(10_000, metrics.Count);
        Assert.True(Math.Abs(metrics.MicroAccuracy - torch) * 100 <= 0.05, $"ML.NET {metrics.MicroAccuracy:P3} vs TorchSharp {torch:P3}");
        Assert.True(metrics.MicroAccuracy > 0.15, "the quickly trained model should beat chance (10 %) clearly"); // guards against a broken fixture
    }

    [RealDataFact]
    public void A_saved_pipeline_loads_back_and_gives_the_same_probabilities()
    {
        using var classifier = CifarClassifier.Load(QuickRun.OnnxPath);
        var zip = Path.Combine(Directory.CreateTempSubdirectory("mlnet-pipeline-").FullName, "scoring.zip");
        classifier.Save(zip);
        using var loaded = CifarClassifier.LoadSaved(zip);

        var records = Enumerable.Range(0, 50).Select(RealCifar.TestRecord).ToArray();
        Assert.Equal(classifier.PredictProbabilities(records), loaded.PredictProbabilities(records));
        Assert.Equal(classifier.PredictRecord(records[0]), loaded.PredictRecord(records[0]), new PredictionComparer());
    }

    [RealDataFact]
    public void A_png_of_a_test_image_scores_exactly_like_its_record_and_like_the_batch_path()
    {
        using var classifier = CifarClassifier.Load(QuickRun.OnnxPath);
        var records = Enumerable.Range(0, 10).Select(RealCifar.TestRecord).ToArray();
        var batch = classifier.PredictProbabilities(records);
        for (int i = 0; i < records.Length; i++)
        {
            var fromPng = classifier.PredictImage(ImageFixtures.RecordAsPng(records[i]), $"test-{i}.png");
            var fromRecord = classifier.PredictRecord(records[i]);
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
        using var classifier = CifarClassifier.Load(QuickRun.OnnxPath);
        var records = Enumerable.Range(0, 40).Select(RealCifar.TestRecord).ToArray();
        var expected = classifier.PredictProbabilities(records);
        var results = new float[records.Length][];
        Parallel.For(0, records.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = classifier.PredictRecord(records[i]).Scores.ToArray());
        for (int i = 0; i < records.Length; i++)
            Assert.Equal(expected.Skip(i * 10).Take(10), results[i]);
    }

    [RealDataFact]
    public void Engines_the_pool_drops_under_load_leave_the_shared_model_usable()
    {
        // Regression: a dropped engine used to dispose the shared transformer (ML.NET's default
        // ownership), so every later prediction failed; `serve` answered 500 from then on.
        var context = new Microsoft.ML.MLContext(seed: 0);
        var transformer = CifarScoringPipeline.Fit(context, QuickRun.OnnxPath);
        using var pool = new PredictionEnginePool<CifarRecordInput, ProbabilitiesOutput>(context, transformer, maxRetained: 1);
        var input = new CifarRecordInput { Record = RealCifar.TestRecord(0) };
        var expected = pool.Predict(input).Probabilities;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => pool.Predict(input)); // more engines than it keeps: some are dropped
        Assert.Equal(expected, pool.Predict(input).Probabilities);
        (transformer as IDisposable)?.Dispose();
    }

    [RealDataFact]
    public void Class_names_come_from_model_json_beside_the_model_else_cifar10()
    {
        var bare = Path.Combine(Directory.CreateTempSubdirectory("bare-model-").FullName, "model.onnx");
        File.Copy(QuickRun.OnnxPath, bare);
        using (var withoutCard = CifarClassifier.Load(bare))
            Assert.Equal(CifarClasses.Names, withoutCard.ClassNames);

        var renamed = QuickRun.Card with { ClassNames = CifarClasses.Names.Select(n => n.ToUpperInvariant()).ToArray() };
        var folder = new RunFolder(Path.GetDirectoryName(bare)!);
        folder.WriteCard(renamed);
        using (var withCard = CifarClassifier.Load(bare))
        {
            Assert.Equal("AIRPLANE", withCard.ClassNames[0]);
            Assert.Contains(withCard.PredictRecord(RealCifar.TestRecord(0)).Label, renamed.ClassNames);
        }

        folder.WriteCard(renamed with { ClassNames = ["a", "b"] });
        var error = Assert.Throws<CifarException>(() => CifarClassifier.Load(bare));
        Assert.Contains("outputs 10 probabilities but model.json names 2 classes", error.Message);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("missing")]
    public void A_broken_model_file_is_a_one_line_error_naming_it(string kind)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("broken-model-").FullName, "model.onnx");
        if (kind == "truncated" && RealCifar.Directory is not null) File.WriteAllBytes(path, File.ReadAllBytes(QuickRun.OnnxPath)[..5000]);
        else if (kind == "truncated") File.WriteAllBytes(path, [0x08, 0x08, 0x12, 0x0B, 0x43, 0x69]);
        else if (kind == "empty") File.WriteAllBytes(path, []);
        else if (kind == "text") File.WriteAllText(path, "not a model at all\n");
        var error = Assert.ThrowsAny<CifarException>(() => CifarClassifier.Load(path));
        Assert.StartsWith($"{path}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
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
