using System.Text.Json;
using System.Text.Json.Serialization;
using Cifar10.Scoring;

namespace Cifar10.Cli.Commands;

/// <summary>The JSON shape of one prediction, shared by <c>predict --json</c> and the HTTP server.</summary>
internal sealed record PredictionJson(
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
internal sealed record ClassProbabilityJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("probability")] float Probability);
