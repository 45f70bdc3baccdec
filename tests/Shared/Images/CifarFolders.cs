using Cifar10.Core.Data;
using SkiaSharp;

namespace Cifar10.Tests.Shared.Images;

/// <summary>
/// Folder datasets made of real CIFAR-10 images, as a user's folders look: one sub-folder per class, PNG
/// and JPEG mixed, sides from 24 to 64 px, some images in a nested folder, and a stray text file.
/// </summary>
public static class CifarFolders
{
    static readonly int[] Sides = [24, 32, 40, 48, 64];

    /// <summary>
    /// Writes the first <paramref name="perClass"/> images of each class in <paramref name="classes"/>
    /// (CIFAR-10 label numbers) from <paramref name="images"/> under <paramref name="root"/>; returns the root.
    /// </summary>
    public static string Write(string root, LabeledImages images, IReadOnlyList<int> classes, int perClass)
    {
        var labels = images.LabelArray();
        var pixels = images.Pixels.data<byte>().ToArray();
        const int length = CifarBinaryReader.PixelCount;
        foreach (var label in classes)
        {
            var folder = Path.Combine(root, CifarClasses.Names[label]);
            Directory.CreateDirectory(Path.Combine(folder, "more"));
            var indices = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).Take(perClass).ToArray();
            for (int n = 0; n < indices.Length; n++)
            {
                var record = pixels.AsSpan(indices[n] * length, length).ToArray();
                var jpeg = n % 2 == 1;
                var name = Path.Combine(folder, n % 5 == 4 ? "more" : "", $"{indices[n]}.{(jpeg ? "jpg" : "png")}");
                File.WriteAllBytes(name, Encode(record, Sides[n % Sides.Length], jpeg));
            }
        }
        File.WriteAllText(Path.Combine(root, CifarClasses.Names[classes[0]], "notes.txt"), "not an image; the loader skips it\n");
        return root;
    }

    static byte[] Encode(byte[] record, int side, bool jpeg)
    {
        using var original = SKBitmap.Decode(ImageFixtures.RecordAsPng(record));
        using var resized = original.Resize(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque), SKFilterQuality.Medium);
        using var data = resized.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 92);
        return data.ToArray();
    }
}
