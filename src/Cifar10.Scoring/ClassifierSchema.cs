using Microsoft.ML.Data;

namespace Cifar10.Scoring;

/// <summary>How <see cref="ClassifierInput"/> and <see cref="ClassifierOutput"/> map onto a model's columns.</summary>
internal sealed record ClassifierSchema(SchemaDefinition Input, SchemaDefinition Output, string ScoreColumn)
{
    /// <summary>The image column of the chain wrapped around an exported ONNX model.</summary>
    public const string ImageColumn = "Image";

    /// <summary>An exported ONNX model in <see cref="ImagePipeline"/>'s transforms: an image in, its probabilities out.</summary>
    public static ClassifierSchema ForOnnx() => new(InputOf(ImageColumn, labelColumn: null), OutputOf(OnnxModelValidator.OutputName), OnnxModelValidator.OutputName);

    /// <summary>A saved ML.NET model that reads an image from <paramref name="imageColumn"/> and, if named, an (empty) text label.</summary>
    public static ClassifierSchema ForModel(string imageColumn, string? labelColumn) =>
        new(InputOf(imageColumn, labelColumn), OutputOf(ImagePipeline.ScoreColumnName), ImagePipeline.ScoreColumnName);

    static SchemaDefinition InputOf(string imageColumn, string? labelColumn)
    {
        var imageType = MLImageType.Register();
        var schema = SchemaDefinition.Create(typeof(ClassifierInput));
        var image = schema[nameof(ClassifierInput.Image)];
        (image.ColumnType, image.ColumnName) = (imageType, imageColumn);
        var label = schema[nameof(ClassifierInput.Label)];
        if (labelColumn is null) schema.Remove(label);
        else label.ColumnName = labelColumn;
        return schema;
    }

    static SchemaDefinition OutputOf(string scoreColumn)
    {
        var schema = SchemaDefinition.Create(typeof(ClassifierOutput), SchemaDefinition.Direction.Write);
        schema[nameof(ClassifierOutput.Score)].ColumnName = scoreColumn;
        return schema;
    }
}
