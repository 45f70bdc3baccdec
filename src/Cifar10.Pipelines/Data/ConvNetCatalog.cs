using Cifar10.Pipelines.Trainers;

namespace Microsoft.ML;

/// <summary>The <see cref="ConvNetTrainer"/> in ML.NET's multiclass trainers catalog.</summary>
public static class ConvNetCatalog
{
    /// <summary>A convolutional network trained on images, as a multiclass trainer (see <see cref="ConvNetTrainer"/>).</summary>
    public static ConvNetTrainer ConvNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, ConvNetTrainer.Options options) =>
        new(options);

    /// <summary>A convolutional network trained on images with the architecture's own recipe.</summary>
    /// <param name="catalog">ML.NET's multiclass trainers.</param>
    /// <param name="labelColumnName">The label column (a key type).</param>
    /// <param name="imageColumnName">The image column: file paths (text) or <c>MLImage</c>s.</param>
    /// <param name="architecture">A model-zoo id, e.g. <c>cnn-3x3</c>.</param>
    /// <param name="epochs">Epochs, instead of the recipe's.</param>
    /// <param name="imageSize">Side the images are resized to.</param>
    public static ConvNetTrainer ConvNet(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string imageColumnName = "ImagePath", string architecture = "cnn-3x3", int? epochs = null, int imageSize = 32) =>
        new(new ConvNetTrainer.Options { LabelColumnName = labelColumnName, ImageColumnName = imageColumnName, Architecture = architecture, Epochs = epochs, ImageSize = imageSize });
}
