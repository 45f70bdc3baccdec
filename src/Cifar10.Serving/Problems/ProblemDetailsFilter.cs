using Cifar10.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cifar10.Serving;

/// <summary>
/// Turns every failure of a prediction endpoint into RFC 7807 problem details
/// (<c>application/problem+json</c>) whose <c>detail</c> is the one-line message: bad input as 4xx,
/// busy or loading as 503 with <c>Retry-After</c>, a broken model or anything unexpected as 500 (with
/// no stack trace; that goes to the log).
/// </summary>
internal sealed class ProblemDetailsFilter(ILogger<ProblemDetailsFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try { return await next(context); }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested) { throw; } // the client left: nobody to answer
        catch (RequestProblem e)
        {
            if (e.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            return Problem(e.StatusCode, e.Message);
        }
        catch (ImageDecodeException e) { return Problem(StatusOf(e.Problem), e.Message); }
        catch (ModelOutputException e)
        {
            logger.LogError("{Path}: {Error}", http.Request.Path, e.Message);
            return Problem(StatusCodes.Status500InternalServerError, e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel raises it while the body is read, or from Content-Length before.
            return Problem(e.StatusCode, "request body is larger than the server's limit.");
        }
        catch (BadHttpRequestException e) { return Problem(e.StatusCode, e.Message); }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure on {Path}", http.Request.Path);
            return Problem(StatusCodes.Status500InternalServerError, $"unexpected error while scoring ({e.GetType().Name}); the server log has the details.");
        }
    }

    /// <summary>An image the client sent in a format nobody decodes is 415; any other bad image is 400.</summary>
    public static int StatusOf(ImageProblem problem) =>
        problem == ImageProblem.UnsupportedFormat ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;

    static IResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
