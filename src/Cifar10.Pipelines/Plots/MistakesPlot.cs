using SkiaSharp;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Plots;

/// <summary><c>mistakes-&lt;model&gt;.png</c>: the test images the model gets most confidently wrong, with true and predicted class.</summary>
internal static class MistakesPlot
{
    const int Columns = 6;

    /// <summary>
    /// Draws the <paramref name="count"/> most confident mistakes (fewer when the model makes fewer).
    /// <paramref name="testPixels"/> is uint8 [N,3,32,32]; row i of <paramref name="probabilities"/>
    /// ([labels.Count × classes], row-major) and <paramref name="labels"/>[i] describe image i, so
    /// a limited test set (the first labels.Count images) works too.
    /// </summary>
    public static void Save(string path, string modelName, Tensor testPixels, ReadOnlySpan<float> probabilities, IReadOnlyList<long> labels, IReadOnlyList<string> classNames, int count = 24)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), "must be positive");
        if (testPixels.ndim != 4 || testPixels.shape[0] < labels.Count)
            throw new ArgumentException($"{labels.Count} labels need at least as many images, got [{string.Join(",", testPixels.shape)}]", nameof(testPixels));
        var all = ConfidentMistakes.Find(probabilities, labels, classNames.Count, int.MaxValue);
        var mistakes = all.Take(count).ToArray();
        var wrong = all.Count;
        var images = TensorImages.Gather(testPixels, mistakes.Select(m => (long)m.Index).ToArray());
        var tiles = mistakes.Select((m, i) => new ImageTile(images[i],
            [$"true: {classNames[m.TrueClass]}", $"pred: {classNames[m.PredictedClass]} {100 * m.Confidence:F0} %"])).ToArray();
        var title = $"{modelName}: {mistakes.Length} most confident mistakes ({wrong:N0} of {labels.Count:N0} test images wrong)";
        var layout = new ImageGridLayout(title, Math.Min(Columns, Math.Max(1, tiles.Length)), Scale: 3, CaptionColors: [new SKColor(0x1B, 0x5E, 0x20), new SKColor(0xB7, 0x1C, 0x1C)])
        {
            EmptyMessage = "no mistakes: every test image is classified correctly",
        };
        ImageGrid.Save(path, tiles, layout);
    }
}
