using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Microsoft.ML.OnnxRuntime;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// Scores raw CIFAR-10 records with ONNX Runtime directly, a batch at a time: bytes become floats
/// in one reused buffer (the graph scales them itself, see <see cref="OnnxContract"/>).
/// </summary>
internal sealed class OrtBatchScorer : IDisposable
{
    readonly InferenceSession _session;
    readonly RunOptions _run = new();

    /// <param name="onnxPath">An exported model.</param>
    /// <param name="tuned">False: ONNX Runtime's default session options. True: intra-op threads = cores, every graph optimisation, sequential execution.</param>
    public OrtBatchScorer(string onnxPath, bool tuned)
    {
        using var options = tuned
            ? new SessionOptions
            {
                IntraOpNumThreads = Environment.ProcessorCount,
                InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            }
            : new SessionOptions();
        _session = new InferenceSession(onnxPath, options);
    }

    /// <summary>Scores the first <paramref name="count"/> records of <paramref name="pixels"/> (planar RGB, 3,072 bytes each); returns a checksum so the work cannot be skipped.</summary>
    public double Score(byte[] pixels, int count, int batchSize)
    {
        const int size = CifarBinaryReader.PixelCount;
        var buffer = new float[batchSize * size];
        double checksum = 0;
        for (int start = 0; start < count; start += batchSize)
        {
            var n = Math.Min(batchSize, count - start);
            var source = pixels.AsSpan(start * size, n * size);
            for (int i = 0; i < source.Length; i++) buffer[i] = source[i];
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, n * size), [n, CifarBinaryReader.Channels, CifarBinaryReader.Side, CifarBinaryReader.Side]);
            using var outputs = _session.Run(_run, [OnnxContract.InputName], [input], [OnnxContract.OutputName]);
            checksum += outputs[0].GetTensorDataAsSpan<float>()[0];
        }
        return checksum;
    }

    public void Dispose()
    {
        _run.Dispose();
        _session.Dispose();
    }
}
