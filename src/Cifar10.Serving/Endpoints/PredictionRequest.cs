using Cifar10.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cifar10.Serving;

/// <summary>What every prediction request needs before scoring: a loaded model, a body within the limit, a valid <c>k</c>.</summary>
internal static class PredictionRequest
{
    /// <summary>The loaded classifier; while loading (or after a failed load) a 503 <see cref="RequestProblem"/>.</summary>
    public static ImageClassifier ReadyClassifier(CifarClassifierModel model, CifarClassifierOptions options) =>
        model.Classifier ?? throw new RequestProblem(StatusCodes.Status503ServiceUnavailable,
            model.LoadError is { } error ? $"the model failed to load: {error.Message}" : "the model is still loading; retry shortly.",
            TimeSpan.FromSeconds(options.RetryAfterSeconds));

    /// <summary>Applies the endpoint's body limit (Kestrel then refuses a larger body with 413, from Content-Length when it can).</summary>
    public static void LimitBody(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
    }

    /// <summary>The <c>k</c> query parameter (how many classes to list, default 3).</summary>
    public static int TopK(HttpRequest request, int classes)
    {
        var text = request.Query["k"].ToString();
        if (text.Length == 0) return Math.Min(3, classes);
        return int.TryParse(text, out var k) && k >= 1 && k <= classes
            ? k
            : throw new RequestProblem(StatusCodes.Status400BadRequest, $"k must be a whole number from 1 to {classes}, got '{text}'.");
    }

    // Only multipart/form-data carries files; anything else (image/png, octet-stream, or curl's
    // default x-www-form-urlencoded for --data-binary) is taken as the raw image.
    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The multipart form. A body whose boundary never appears, or that ends mid-part, is a 400 problem:
    /// the form reader reports it as <see cref="InvalidDataException"/> or <see cref="IOException"/>.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try { return await request.ReadFormAsync(request.HttpContext.RequestAborted); }
        catch (BadHttpRequestException) { throw; } // a body over the limit is reported as such (413)
        catch (InvalidDataException e)
        {
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"malformed multipart request ({e.Message.Split('\n')[0].TrimEnd('.', ' ')}).");
        }
        catch (IOException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The reader's own message blames "another component"; the real cause is the body.
            throw new RequestProblem(StatusCodes.Status400BadRequest, "malformed multipart request: the body ends before its closing boundary (or the boundary never appears).");
        }
    }

    /// <summary>The bytes of one uploaded file.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The raw request body.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}
