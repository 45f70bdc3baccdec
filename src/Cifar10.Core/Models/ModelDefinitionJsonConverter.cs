using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cifar10.Core.Models;

/// <summary>
/// Writes a <see cref="ModelDefinition"/> as <c>{ id, description, input, layers }</c> and reads it back
/// through <see cref="SequentialBuilder"/>, which infers the shapes again.
/// </summary>
internal sealed class ModelDefinitionJsonConverter : JsonConverter<ModelDefinition>
{
    sealed record Config(string Id, string Description, int[] Input, LayerSpec[] Layers);

    public override ModelDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var config = JsonSerializer.Deserialize<Config>(ref reader, options) ?? throw new JsonException("empty model definition");
        if (config.Input is not { Length: > 0 } || config.Layers is not { Length: > 0 })
            throw new JsonException("a model definition needs an input shape and at least one layer");
        var builder = SequentialBuilder.Input(config.Input);
        foreach (var layer in config.Layers) builder.Add(layer);
        try { return builder.Build(config.Id, config.Description); }
        catch (ArgumentException e) { throw new JsonException($"the layers do not fit together ({e.Message})", e); }
    }

    public override void Write(Utf8JsonWriter writer, ModelDefinition value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Config(value.Id, value.Description, value.Input.Dims.ToArray(), value.Layers.Select(l => l.Spec).ToArray()), options);
}
