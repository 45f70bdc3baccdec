using Cifar10.Cli.Commands;
using Cifar10.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cifar10.Cli.Serving;

/// <summary>The HTTP API: <c>POST /predict</c>, <c>POST /predict/batch</c>, <c>GET /health</c>, <c>GET /model</c>.</summary>
internal static class PredictionEndpoints
{
    public static void Map(WebApplication app, ImageClassifier classifier, ServerOptions options)
    {
        var description = ModelDescription.Of(classifier);
        app.MapGet("/health", () => Results.Json(new { status = "ok" }));
        app.MapGet("/model", () => Results.Json(description, PredictionJson.Options));
        app.MapPost("/predict", (HttpRequest request) => Guarded(() => PredictOneAsync(request, classifier)));
        app.MapPost("/predict/batch", (HttpRequest request) => Guarded(() => PredictBatchAsync(request, classifier, options)));
    }

    static async Task<IResult> PredictOneAsync(HttpRequest request, ImageClassifier classifier)
    {
        var k = TopK(request, classifier);
        byte[] image;
        string name;
        if (IsMultipart(request))
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.Files.Count != 1)
                throw new RequestException(400, $"multipart request must carry exactly one file, got {form.Files.Count}; use /predict/batch for several.");
            (name, image) = (form.Files[0].FileName, await ReadAsync(form.Files[0]));
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            (name, image) = ("request body", buffer.ToArray());
        }
        return Results.Json(PredictionJson.Success(Predict(classifier, image, name, k)), PredictionJson.Options);
    }

    static async Task<IResult> PredictBatchAsync(HttpRequest request, ImageClassifier classifier, ServerOptions options)
    {
        var k = TopK(request, classifier);
        if (!IsMultipart(request))
            throw new RequestException(415, "send the images as multipart/form-data, one part per file.");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form.Files.Count == 0) throw new RequestException(400, "the request has no files.");
        if (form.Files.Count > options.MaxBatchFiles) throw new RequestException(400, $"at most {options.MaxBatchFiles} files per request, got {form.Files.Count}.");
        var results = new List<PredictionJson>();
        foreach (var file in form.Files)
        {
            // One bad file does not spoil the batch: it gets an error entry in its place.
            try { results.Add(PredictionJson.Success(Predict(classifier, await ReadAsync(file), file.FileName, k), file.FileName)); }
            catch (RequestException e) { results.Add(PredictionJson.Failure(file.FileName, e.Message)); }
        }
        return Results.Json(results, PredictionJson.Options);
    }

    // Only multipart/form-data carries files; anything else (image/png, octet-stream, or curl's
    // default x-www-form-urlencoded for --data-binary) is taken as the raw image.
    static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    static ImagePrediction Predict(ImageClassifier classifier, byte[] image, string name, int k)
    {
        try { return classifier.PredictImage(image, name, k); }
        catch (ImageDecodeException e) { throw new RequestException(e.Problem == ImageProblem.UnsupportedFormat ? 415 : 400, e.Message); }
    }

    static int TopK(HttpRequest request, ImageClassifier classifier)
    {
        var text = request.Query["k"].ToString();
        if (text.Length == 0) return 3;
        return int.TryParse(text, out var k) && k >= 1 && k <= classifier.ClassNames.Count
            ? k
            : throw new RequestException(400, $"k must be a whole number from 1 to {classifier.ClassNames.Count}, got '{text}'.");
    }

    static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    // Every failure leaves as JSON {error}: bad input as 4xx, a body over the size limit as 413
    // (Kestrel raises it while the body is read), anything unexpected as 500 without a stack trace.
    static async Task<IResult> Guarded(Func<Task<IResult>> handler)
    {
        try { return await handler(); }
        catch (RequestException e) { return Error(e.StatusCode, e.Message); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(413, "request body is larger than the server's limit.");
        }
        catch (BadHttpRequestException e) { return Error(e.StatusCode, e.Message); }
        catch (InvalidDataException e) { return Error(400, $"malformed multipart request ({e.Message})."); }
    }

    static IResult Error(int status, string message) => Results.Json(new ErrorJson(message), statusCode: status);

    sealed class RequestException(int statusCode, string message) : Exception(message)
    {
        public int StatusCode { get; } = statusCode;
    }
}
