using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary><c>bench.png</c>: training images/s (raw loop vs trainer) and inference images/s per engine, per model.</summary>
internal static class BenchChart
{
    /// <summary>Writes the two-panel chart atomically.</summary>
    public static void Save(string path, BenchResults results)
    {
        var training = GroupedBarChart.Create($"Training, batch {results.Training.FirstOrDefault()?.BatchSize}", "Model", "Images per second",
            results.Training.Select(t => t.Model).ToArray(),
            [
                ("raw loop", results.Training.Select(t => t.RawImagesPerSecond).ToArray()),
                ("Trainer", results.Training.Select(t => t.TrainerImagesPerSecond).ToArray()),
            ], "N0");
        var inference = GroupedBarChart.Create($"Inference, {results.Inference.FirstOrDefault()?.Images:N0} test images", "Model", "Images per second",
            results.Inference.Select(i => i.Model).ToArray(),
            [
                ("TorchSharp eval", results.Inference.Select(i => i.TorchImagesPerSecond).ToArray()),
                ("ORT default", results.Inference.Select(i => i.OrtDefaultImagesPerSecond).ToArray()),
                ("ORT tuned", results.Inference.Select(i => i.OrtTunedImagesPerSecond).ToArray()),
                ("ML.NET", results.Inference.Select(i => i.MlNetImagesPerSecond).ToArray()),
            ], "N0");
        PngWriter.Save(path, [training, inference], 720, 480);
    }
}
