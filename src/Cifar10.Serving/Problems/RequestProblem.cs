namespace Cifar10.Serving;

/// <summary>
/// A request the endpoint refuses, with the HTTP status and the one-line detail the client sees in the
/// problem details; <see cref="RetryAfter"/> is sent as <c>Retry-After</c> (busy, loading).
/// </summary>
internal sealed class RequestProblem(int statusCode, string detail, TimeSpan? retryAfter = null) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
