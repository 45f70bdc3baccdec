using Cifar10.Serving;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Cifar10.NET classifier endpoint's routes (services from <c>AddCifarClassifier</c>).</summary>
public static class CifarClassifierEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /predict</c>, <c>POST /predict/batch</c>, <c>GET /model</c>, <c>/health</c> (503 until the model
    /// is loaded), <c>/metrics</c> (Prometheus) and <c>/openapi/v1.json</c>. Returns the group, for conventions such
    /// as <c>RequireAuthorization</c>. The group owns <c>/openapi/{documentName}.json</c> and <c>/metrics</c>: an app
    /// that maps its own <c>MapOpenApi</c> or <c>MapMetrics</c> at those paths would have two endpoints on one route.
    /// </summary>
    public static RouteGroupBuilder MapCifarClassifier(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<CifarClassifierOptions>>().Value;
        var group = endpoints.MapGroup("");
        group.WithTags("Cifar10 classifier");
        group.AddEndpointFilter<ProblemDetailsFilter>();

        group.MapPost("/predict", PredictEndpoint.HandleAsync)
            .WithName("Predict")
            .WithSummary("Classify one image.")
            .WithDescription("The image is the raw request body (PNG, JPEG, WebP, GIF or BMP; any content type but multipart) " +
                "or the only file of a multipart/form-data form. `k` (default 3) is how many classes `top` lists. " +
                $"Bodies over {options.MaxRequestBytes:N0} bytes get 413; images are decoded to at most {ImageSizes.PerImage}.")
            .Produces<PredictionJson>(StatusCodes.Status200OK)
            .WithProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/predict/batch", BatchEndpoint.HandleAsync)
            .WithName("PredictBatch")
            .WithSummary("Classify every file of a multipart form.")
            .WithDescription("One multipart/form-data part per image; the answer lists them in order, a bad image as an entry with `error`. " +
                $"Limits: at most {options.MaxBatchFiles} files, {options.MaxRequestBytes:N0} bytes of request body (else 413), " +
                $"{options.MaxBatchPixels / 1e6:N1} megapixels decoded for the whole batch (else 413, checked from the headers before decoding), " +
                $"{ImageSizes.PerImage} per image.")
            .Produces<PredictionJson[]>(StatusCodes.Status200OK)
            .WithProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/model", (CifarClassifierModel model) =>
            {
                PredictionRequest.ReadyClassifier(model, options);
                return TypedResults.Json(model.Description!, PredictionJson.Options);
            })
            .WithName("Model")
            .WithSummary("The served model: classes, tensors, and the metrics of its model.json.")
            .Produces<ModelDescription>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ModelLoadedHealthCheck.Name),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        group.MapMetrics("/metrics");
        group.MapOpenApi();
        return group;
    }

    // Every prediction endpoint answers these, and 503 (busy or loading) and 500 (a broken model).
    static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses.Append(StatusCodes.Status503ServiceUnavailable).Append(StatusCodes.Status500InternalServerError))
            builder.ProducesProblem(status);
        return builder;
    }
}
