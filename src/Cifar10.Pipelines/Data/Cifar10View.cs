using Cifar10.Scoring;
using Cifar10.Core.Data;
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
        MLImageType.Register();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Image)].ColumnType = new ImageDataViewType(CifarBinaryReader.Side, CifarBinaryReader.Side);
        return catalog.LoadFromEnumerable(Rows(pixels, labels, names), schema);
    }

    static IEnumerable<Row> Rows(byte[] pixels, long[] labels, IReadOnlyList<string> names)
    {
        const int plane = CifarBinaryReader.Side * CifarBinaryReader.Side;
        for (int i = 0; i < labels.Length; i++)
        {
            var record = pixels.AsSpan(i * CifarBinaryReader.PixelCount, CifarBinaryReader.PixelCount);
            var rgba = new byte[4 * plane];
            for (int p = 0; p < plane; p++)
            {
                rgba[4 * p] = record[p];
                rgba[4 * p + 1] = record[plane + p];
                rgba[4 * p + 2] = record[2 * plane + p];
                rgba[4 * p + 3] = 255;
            }
            yield return new Row { Label = names[(int)labels[i]], Image = MLImage.CreateFromPixels(CifarBinaryReader.Side, CifarBinaryReader.Side, MLPixelFormat.Rgba32, rgba) };
        }
    }

    sealed class Row
    {
        public string Label { get; set; } = "";
        public MLImage? Image { get; set; }
    }
}
