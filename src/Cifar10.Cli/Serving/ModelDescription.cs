using System.Text.Json.Serialization;
using Cifar10.Core;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Scoring;

namespace Cifar10.Cli.Serving;

/// <summary>What <c>GET /model</c> returns: the model card as far as it is known, and the ONNX contract.</summary>
internal sealed record ModelDescription(
    [property: JsonPropertyName("architecture")] string? Architecture,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("input")] TensorDescription Input,
    [property: JsonPropertyName("output")] TensorDescription Output,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double>? Metrics,
    [property: JsonPropertyName("parameters")] long? Parameters,
    [property: JsonPropertyName("inputScaling")] string? InputScaling,
    [property: JsonPropertyName("createdUtc")] DateTime? CreatedUtc,
    [property: JsonPropertyName("modelFile")] string ModelFile)
{
    /// <summary>Describes a loaded classifier; card fields are null when no model.json was found beside the model.</summary>
    public static ModelDescription Of(ImageClassifier classifier)
    {
        var card = RunFolder.CardBeside(classifier.ModelPath);
        var metrics = new Dictionary<string, double>();
        if (card?.TestAccuracy is double accuracy) metrics["testAccuracy"] = accuracy;
        if (card?.TestLoss is double loss) metrics["testLoss"] = loss;
        return new ModelDescription(
            card?.Architecture,
            classifier.ClassNames,
            new TensorDescription(OnnxContract.InputName, "float32", ["N", 3, classifier.ImageSize, classifier.ImageSize], "raw RGB values 0-255, planar (all R, then G, then B); scaling is inside the model"),
            new TensorDescription(OnnxContract.OutputName, "float32", ["N", classifier.ClassNames.Count], "softmax probabilities in class order"),
            metrics.Count > 0 ? metrics : null,
            card?.TotalParameters,
            card is null ? null : EnumNames.Of(card.InputScaling.Kind),
            card?.CreatedUtc,
            Path.GetFileName(classifier.ModelPath));
    }
}

/// <summary>One graph input or output.</summary>
internal sealed record TensorDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("shape")] IReadOnlyList<object> Shape,
    [property: JsonPropertyName("description")] string Description);
