using Cifar10.Core.Data;
using Cifar10.Pipelines.Plots;

namespace Cifar10.Pipelines.Eda;

/// <summary><c>samples.png</c>: one row of example images per class, each row labelled with its class name.</summary>
internal static class SampleGridPlot
{
    /// <summary>Draws <paramref name="perClass"/> images of every class of <paramref name="images"/>, chosen with <paramref name="seed"/>.</summary>
    public static void Save(string path, LabeledImages images, IReadOnlyList<string> classNames, int seed, int perClass = 10)
    {
        var picked = SampleSelection.Pick(images.LabelArray(), classNames.Count, perClass, seed);
        var pixels = TensorImages.Gather(images.Pixels, picked.SelectMany(p => p).ToArray());
        // A class with fewer than perClass images is padded with white tiles so every class keeps its own row.
        var tiles = new List<ImageTile>();
        var next = 0;
        foreach (var row in picked)
        {
            for (int i = 0; i < perClass; i++)
                tiles.Add(i < row.Count ? new ImageTile(pixels[next++], []) : new ImageTile(Blank, []));
        }
        var title = $"CIFAR-10: {perClass} random training images per class (seed {seed}, shown ×3)";
        ImageGrid.Save(path, tiles, new ImageGridLayout(title, perClass, Scale: 3, RowLabels: classNames));
    }

    static readonly byte[] Blank = Enumerable.Repeat((byte)255, CifarBinaryReader.PixelCount).ToArray();
}
