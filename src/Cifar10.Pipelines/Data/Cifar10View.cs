using Cifar10.Core.Data;
using Cifar10.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Pipelines.Data;

/// <summary>CIFAR-10's binary files as a view of (Label, Image) rows; each row's <c>MLImage</c> is made when a cursor reaches it.</summary>
internal static class Cifar10View
{
    /// <summary>The image column's name.</summary>
    public const string ImageColumnName = "Image";

    public static IDataView Load(DataOperationsCatalog catalog, Cifar10Subset subset, string? dataDirectory)
    {
        var directory = new CifarDataLocator().Locate(dataDirectory);
        var names = CifarBinaryReader.ReadClassNames(Path.Combine(directory, CifarBinaryReader.MetaFile));
        var files = subset == Cifar10Subset.Train ? CifarBinaryReader.TrainFiles : [CifarBinaryReader.TestFile];
        byte[] pixels;
        long[] labels;
        using (var images = CifarBinaryReader.ReadFiles(files.Select(f => Path.Combine(directory, f)).ToArray()))
        {
            pixels = images.Pixels.data<byte>().ToArray();
            labels = images.LabelArray();
        }
        return catalog.LoadFromEnumerable(Rows(pixels, labels, names));
    }

    static IEnumerable<Row> Rows(byte[] pixels, long[] labels, IReadOnlyList<string> names)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            var record = pixels.AsSpan(i * CifarBinaryReader.PixelCount, CifarBinaryReader.PixelCount).ToArray();
            yield return new Row { Label = names[(int)labels[i]], Image = PlanarImage.ToImage(record) };
        }
    }

    sealed class Row
    {
        public string Label { get; set; } = "";
        // The attribute registers the 32×32 image type with ML.NET (LoadFromEnumerable needs it known).
        [ImageType(CifarBinaryReader.Side, CifarBinaryReader.Side)]
        public MLImage? Image { get; set; }
    }
}
