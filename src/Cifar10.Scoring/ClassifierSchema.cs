using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>How <see cref="ClassifierInput"/> and <see cref="ClassifierOutput"/> map onto a model's columns.</summary>
internal sealed record ClassifierSchema(SchemaDefinition Input, SchemaDefinition Output, bool ImageIsPath, string ScoreColumn)
{
    /// <summary>The image column of the chain wrapped around an exported ONNX model.</summary>
    public const string ImageColumn = "Image";

    /// <summary>An exported ONNX model in <see cref="ImagePipeline"/>'s transforms: an image in, its probabilities out.</summary>
    public static ClassifierSchema ForOnnx() =>
        new(InputOf(image: ImageColumn, path: null, label: null), OutputOf(OnnxModelValidator.OutputName), ImageIsPath: false, OnnxModelValidator.OutputName);

    /// <summary>
    /// A saved ML.NET model: its image column (an image, or a text path) and at most one more text column
    /// (a label the pipeline maps to a key; given empty).
    /// </summary>
    public static ClassifierSchema ForZip(DataViewSchema input, string? imageColumnName, string modelPath)
    {
        var image = imageColumnName is not null ? input.GetColumnOrNull(imageColumnName)
            : input.Where(c => c.Type is ImageDataViewType).ToArray() is [var only] ? only
            : input.GetColumnOrNull("ImagePath");
        if (image is null || image.Value.Type is not (ImageDataViewType or TextDataViewType))
            throw new ScoringException($"{modelPath}: cannot tell which input column holds the image (it has {Describe(input)}); name it.");
        var others = input.Where(c => !c.IsHidden && c.Name != image.Value.Name).ToArray();
        if (others.Length > 1 || others.Any(c => c.Type is not TextDataViewType))
            throw new ScoringException($"{modelPath}: the model reads {Describe(input)}; a classifier feeds only the image and at most one text column.");
        var isPath = image.Value.Type is TextDataViewType;
        var label = others.Length == 1 ? others[0].Name : null;
        return new(InputOf(isPath ? null : image.Value.Name, isPath ? image.Value.Name : null, label), OutputOf(ImagePipeline.ScoreColumnName), isPath, ImagePipeline.ScoreColumnName);
    }

    static SchemaDefinition InputOf(string? image, string? path, string? label)
    {
        var imageType = MLImageType.Register();
        var schema = SchemaDefinition.Create(typeof(ClassifierInput));
        schema[nameof(ClassifierInput.Image)].ColumnType = imageType;
        Bind(schema, nameof(ClassifierInput.Image), image);
        Bind(schema, nameof(ClassifierInput.Path), path);
        Bind(schema, nameof(ClassifierInput.Label), label);
        return schema;
    }

    static SchemaDefinition OutputOf(string scoreColumn)
    {
        var schema = SchemaDefinition.Create(typeof(ClassifierOutput), SchemaDefinition.Direction.Write);
        schema.Single(c => c.MemberName == nameof(ClassifierOutput.Score)).ColumnName = scoreColumn;
        return schema;
    }

    // Maps a member to a column, or leaves the member out when the model has no such column.
    static void Bind(SchemaDefinition schema, string member, string? column)
    {
        var definition = schema.Single(c => c.MemberName == member);
        if (column is null) schema.Remove(definition);
        else definition.ColumnName = column;
    }

    static string Describe(DataViewSchema schema) => string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
}
