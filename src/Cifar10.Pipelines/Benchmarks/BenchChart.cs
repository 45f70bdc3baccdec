using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary><c>bench.png</c>: training images/s (raw loop vs trainer) and inference images/s per engine, per model, and the fast network's training images/s by batch size.</summary>
internal static class BenchChart
{
    /// <summary>Writes the chart (a panel per measurement) atomically.</summary>
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
        if (results.BatchSizes is not { Rows.Count: > 0 } batches)
        {
            PngWriter.Save(path, [training, inference], 720, 480);
            return;
        }
        var byBatch = GroupedBarChart.Create($"Trainer, {batches.Model} ({Core.EnumNames.Of(batches.Precision)}), by batch size", "Batch size", "Images per second",
            batches.Rows.Select(r => r.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            [("Trainer", batches.Rows.Select(r => r.ImagesPerSecond).ToArray())], "N0");
        PngWriter.Save(path, [training, inference, byBatch], 720, 480);
    }
}
