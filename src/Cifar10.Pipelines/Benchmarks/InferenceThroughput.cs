using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// One model's inference on the same real test images through every engine the product has:
/// TorchSharp eval, ONNX Runtime directly, ML.NET <c>Transform</c>, and the PredictionEngine
/// pool one image at a time. Each engine scores a small slice first (untimed) to warm up.
/// </summary>
internal static class InferenceThroughput
{
    const int WarmupImages = 256, WarmupCalls = 100;

    public static InferenceBench Measure(ModelDefinition definition, nn.Module<Tensor, Tensor> module, string onnxPath, LabeledImages images, BenchOptions options)
    {
        var count = Math.Min(options.InferenceImages, images.Count);
        var batch = options.InferenceBatchSize;
        using var pixelsTensor = images.Pixels.narrow(0, 0, count).contiguous();
        var pixels = pixelsTensor.data<byte>().ToArray();
        var records = Enumerable.Range(0, count).Select(i => pixels.AsSpan(i * CifarBinaryReader.PixelCount, CifarBinaryReader.PixelCount).ToArray()).ToArray();
        var warm = Math.Min(WarmupImages, count);

        double Torch(long n)
        {
            using var probabilities = ModelEvaluator.PredictProbabilities(module, pixelsTensor.narrow(0, 0, n), InputScaling.Unit, CPU, batch);
            return probabilities.sum().item<float>();
        }
        Torch(warm);
        var torchRate = count / Throughput.Seconds(() => Torch(count));

        double OrtRate(bool tuned)
        {
            using var scorer = new OrtBatchScorer(onnxPath, tuned);
            scorer.Score(pixels, warm, batch);
            return count / Throughput.Seconds(() => scorer.Score(pixels, count, batch));
        }
        var ortDefault = OrtRate(tuned: false);
        var ortTuned = OrtRate(tuned: true);

        using var classifier = ImageClassifier.Load(onnxPath);
        classifier.PredictProbabilities(records.Take(warm));
        var mlNetRate = count / Throughput.Seconds(() => classifier.PredictProbabilities(records));

        for (int i = 0; i < WarmupCalls; i++) classifier.PredictPixels(records[i % count]);
        var latencies = new double[options.LatencyCalls];
        for (int i = 0; i < latencies.Length; i++)
        {
            var record = records[i % count];
            latencies[i] = 1000 * Throughput.Seconds(() => classifier.PredictPixels(record));
        }

        return new InferenceBench(definition.Id, count, batch, torchRate, ortDefault, ortTuned, mlNetRate,
            latencies.Length, Throughput.Quantile(latencies, 0.50), Throughput.Quantile(latencies, 0.99));
    }
}
