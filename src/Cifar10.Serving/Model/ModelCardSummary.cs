using System.Text.Json;

namespace Cifar10.Serving;

/// <summary>
/// The few fields of a run's <c>model.json</c> that <c>GET /model</c> shows, read as plain JSON:
/// the card's own type lives with the trainer (TorchSharp), which a scoring server does not load.
/// </summary>
internal sealed record ModelCardSummary(string? Architecture, double? TestAccuracy, double? TestLoss, long? TotalParameters, string? InputScaling, DateTime? CreatedUtc)
{
    const string CardFile = "model.json";

    /// <summary>The card beside <paramref name="modelPath"/>, or null when there is none or it is not JSON.</summary>
    public static ModelCardSummary? Beside(string modelPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, CardFile);
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var card = document.RootElement;
            // Older cards call the scaling "normalization".
            var scaling = Property(card, "inputScaling") ?? Property(card, "normalization");
            return new ModelCardSummary(
                String(Property(card, "architecture")),
                Number(Property(card, "testAccuracy")),
                Number(Property(card, "testLoss")),
                Property(card, "totalParameters") is { ValueKind: JsonValueKind.Number } p ? p.GetInt64() : null,
                scaling is { ValueKind: JsonValueKind.Object } s ? String(Property(s, "kind"))?.ToLowerInvariant() : null,
                Property(card, "createdUtc") is { ValueKind: JsonValueKind.String } c && c.TryGetDateTime(out var created) ? created : null);
        }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    static string? String(JsonElement? value) => value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    static double? Number(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;
}
