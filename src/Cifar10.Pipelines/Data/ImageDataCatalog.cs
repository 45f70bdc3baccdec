using Cifar10.Pipelines.Data;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Images as ML.NET data views: folders of labelled images, and CIFAR-10.</summary>
public static class ImageDataCatalog
{
    /// <summary>
    /// A view over a folder of class folders (see <see cref="ImageFolder"/>): one row per image, with the
    /// class name in <c>Label</c> and the image's absolute path in <c>ImagePath</c> (both text; names set by
    /// <paramref name="options"/>). Feed it to <c>MapValueToKey("Label")</c> and the <c>ConvNet</c> trainer.
    /// </summary>
    public static IDataView LoadImagesFromFolders(this DataOperationsCatalog catalog, string root, ImageFolderOptions? options = null)
    {
        options ??= new ImageFolderOptions();
        var folder = ImageFolder.Scan(root, options.Extensions);
        var schema = SchemaDefinition.Create(typeof(FolderRow));
        schema[nameof(FolderRow.Label)].ColumnName = options.LabelColumnName;
        schema[nameof(FolderRow.ImagePath)].ColumnName = options.ImageColumnName;
        var rows = folder.Images.Select(i => new FolderRow { Label = i.ClassName, ImagePath = i.Path }).ToArray();
        return catalog.LoadFromEnumerable(rows, schema);
    }

    /// <summary>
    /// CIFAR-10's official training (50,000) or test (10,000) images as a view: <c>Label</c> (the class
    /// name, text) and <c>Image</c> (a 32×32 <c>MLImage</c>), in file order. The data is found as the CLI
    /// finds it: <paramref name="dataDirectory"/>, the <c>CIFAR10_DATA</c> variable, the usual folders, or a
    /// download. Feed it to <c>MapValueToKey("Label", keyOrdinality: ByValue)</c> (alphabetical order is
    /// CIFAR-10's label order) and to the <c>ConvNet</c> trainer with <c>ImageColumnName = "Image"</c>.
    /// </summary>
    public static IDataView LoadCifar10(this DataOperationsCatalog catalog, Cifar10Subset subset = Cifar10Subset.Train, string? dataDirectory = null) =>
        Cifar10View.Load(catalog, subset, dataDirectory);

    sealed class FolderRow
    {
        public string Label { get; set; } = "";
        public string ImagePath { get; set; } = "";
    }
}
