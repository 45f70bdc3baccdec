using System.Text.Json;
using System.Text.Json.Serialization;
using Cifar10.Scoring;

namespace Cifar10.Serving;

/// <summary>The JSON shape of one prediction, shared by <c>predict --json</c> and the HTTP server.</summary>
/// <param name="File">The file's name (batch and <c>predict --json</c>), else null.</param>
/// <param name="Label">The most probable class, or null for an image that could not be scored.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Top">The k most probable classes, most probable first.</param>
/// <param name="Error">Why the image could not be scored, or null.</param>
public sealed record PredictionJson(
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("probability")] float? Probability,
    [property: JsonPropertyName("top")] IReadOnlyList<ClassProbabilityJson>? Top,
    [property: JsonPropertyName("error")] string? Error)
{
    /// <summary>Serializer settings: nulls left out, so a success has no <c>error</c> and a failure no <c>label</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>A scored image.</summary>
    public static PredictionJson Success(ImagePrediction prediction, string? file = null) =>
        new(file, prediction.Label, prediction.Probability, prediction.Top.Select(t => new ClassProbabilityJson(t.Label, t.Probability)).ToArray(), null);

    /// <summary>An image that could not be scored.</summary>
    public static PredictionJson Failure(string file, string error) => new(file, null, null, null, error);
}

/// <summary>One entry of <see cref="PredictionJson.Top"/>.</summary>
/// <param name="Label">A class name.</param>
/// <param name="Probability">Its probability.</param>
public sealed record ClassProbabilityJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("probability")] float Probability);
