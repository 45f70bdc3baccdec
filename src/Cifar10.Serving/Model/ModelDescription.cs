using System.Text.Json.Serialization;
using Cifar10.Scoring;

namespace Cifar10.Serving;

/// <summary>What <c>GET /model</c> returns: the model card as far as it is known, and the ONNX contract.</summary>
/// <param name="Architecture">The architecture's id (from model.json), e.g. <c>cnn-3x3</c>.</param>
/// <param name="Classes">Class names in score order.</param>
/// <param name="Input">The network's input tensor.</param>
/// <param name="Output">The network's output tensor.</param>
/// <param name="Metrics">Test accuracy and loss, when model.json has them.</param>
/// <param name="Parameters">Total parameters (model.json).</param>
/// <param name="InputScaling">How pixels are scaled inside the model (model.json).</param>
/// <param name="CreatedUtc">When the model was written (model.json).</param>
/// <param name="ModelFile">The served file's name.</param>
public sealed record ModelDescription(
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
        var card = ModelCardSummary.Beside(classifier.ModelPath);
        var metrics = new Dictionary<string, double>();
        if (card?.TestAccuracy is double accuracy) metrics["testAccuracy"] = accuracy;
        if (card?.TestLoss is double loss) metrics["testLoss"] = loss;
        var side = classifier.ImageSize;
        return new ModelDescription(
            card?.Architecture,
            classifier.ClassNames,
            new TensorDescription(OnnxModelValidator.InputName, "float32", ["N", 3, side, side], "raw RGB values 0-255, planar (all R, then G, then B); scaling is inside the model"),
            new TensorDescription(OnnxModelValidator.OutputName, "float32", ["N", classifier.ClassNames.Count], "softmax probabilities in class order"),
            metrics.Count > 0 ? metrics : null,
            card?.TotalParameters,
            card?.InputScaling,
            card?.CreatedUtc,
            Path.GetFileName(classifier.ModelPath));
    }
}

/// <summary>One graph input or output.</summary>
/// <param name="Name">Its name in the ONNX graph.</param>
/// <param name="Type">Element type.</param>
/// <param name="Shape">Dimensions; <c>"N"</c> is the batch.</param>
/// <param name="Description">What the values mean.</param>
public sealed record TensorDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("shape")] IReadOnlyList<object> Shape,
    [property: JsonPropertyName("description")] string Description);
