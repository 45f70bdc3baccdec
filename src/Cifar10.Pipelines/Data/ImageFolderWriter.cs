using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Scoring;

namespace Cifar10.Pipelines.Data;

/// <summary>
/// Writes labelled images as PNG files in one folder per class, the layout
/// <c>LoadImagesFromFolders</c> and <c>cifar10 train --images</c> read: CIFAR-10 as a user's own folders
/// would hold it, to try the folder path or to compare it with the binary one.
/// </summary>
public static class ImageFolderWriter
{
    /// <summary>
    /// Writes the first <paramref name="perClass"/> images of every class (all when null) under
    /// <paramref name="root"/>/<c>class name</c>/<c>NNNNN.png</c> (the image's index); returns how many it wrote.
    /// Each file is written to a temporary name, then renamed.
    /// </summary>
    public static int Write(LabeledImages images, IReadOnlyList<string> classNames, string root, int? perClass = null, IProgress<int>? progress = null)
    {
        var labels = images.LabelArray();
        var pixels = images.Pixels.data<byte>().ToArray();
        var length = pixels.Length / Math.Max(images.Count, 1);
        var written = new int[classNames.Count];
        var total = 0;
        foreach (var name in classNames) AtomicFile.EnsureDirectory(Path.Combine(root, name));
        for (int i = 0; i < labels.Length; i++)
        {
            var label = (int)labels[i];
            if (perClass is int limit && written[label] >= limit) continue;
            using var image = PlanarImage.ToImage(pixels.AsSpan(i * length, length).ToArray());
            AtomicFile.WriteAllBytes(Path.Combine(root, classNames[label], $"{i:D5}.png"), PlanarImage.ToPng(image));
            written[label]++;
            if (++total % 500 == 0) progress?.Report(total);
        }
        return total;
    }
}
