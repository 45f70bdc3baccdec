using System.Text.Json.Serialization;

namespace Cifar10.Cli.Serving;

/// <summary>Every error response body: <c>{ "error": "…" }</c>.</summary>
internal sealed record ErrorJson([property: JsonPropertyName("error")] string Error);
