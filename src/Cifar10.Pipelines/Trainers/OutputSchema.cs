using Cifar10.Scoring;
using Microsoft.ML;

namespace Cifar10.Pipelines.Trainers;

/// <summary>The schema a fitted <see cref="ConvNetTrainer"/> gives: the input's columns plus <c>Score</c> and <c>PredictedLabel</c>.</summary>
internal static class OutputSchema
{
    // ML.NET keeps the constructor of schema-shape columns to itself, so the two new columns are taken from
    // estimators whose outputs have their shape: a float vector over the label's classes, and the label's key type.
    public static SchemaShape Of(MLContext mlContext, SchemaShape input, ConvNetTrainer.Options options)
    {
        if (!input.Any(c => c.Name == options.LabelColumnName && c.IsKey))
            throw new ArgumentOutOfRangeException(nameof(input), $"{options.LabelColumnName}: the label column must exist and be a key type.");
        if (!input.Any(c => c.Name == options.ImageColumnName))
            throw new ArgumentOutOfRangeException(nameof(input), $"{options.ImageColumnName}: no such image column.");
        return mlContext.Transforms.Conversion.MapKeyToVector(ImagePipeline.ScoreColumnName, options.LabelColumnName)
            .Append(mlContext.Transforms.CopyColumns(ImagePipeline.PredictedLabelColumnName, options.LabelColumnName))
            .GetOutputSchema(input);
    }
}
