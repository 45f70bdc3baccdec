using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cifar10.Serving;

/// <summary>
/// Describes the prediction endpoints' request bodies in the OpenAPI document. The handlers read the
/// body themselves (raw bytes or a multipart form), so there is no parameter to infer them from.
/// </summary>
internal sealed class ImageRequestBodies : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + context.Description.RelativePath?.TrimStart('/');
        var content = path switch
        {
            "/predict" => new Dictionary<string, OpenApiMediaType>
            {
                ["application/octet-stream"] = new() { Schema = Binary("The encoded image.") },
                ["multipart/form-data"] = new() { Schema = Form(Binary("The one image.")) },
            },
            "/predict/batch" => new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = Form(new OpenApiSchema { Type = JsonSchemaType.Array, Items = Binary("An image."), Description = "One part per image (any field names)." }) },
            },
            _ => null,
        };
        if (content is not null) operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        return Task.CompletedTask;
    }

    static OpenApiSchema Binary(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    static OpenApiSchema Form(IOpenApiSchema file) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
    };
}
