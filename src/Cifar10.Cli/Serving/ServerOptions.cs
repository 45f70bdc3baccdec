using Microsoft.Extensions.Logging;

namespace Cifar10.Cli.Serving;

/// <summary>How <c>cifar10 serve</c> runs the classifier endpoint.</summary>
internal sealed record ServerOptions
{
    /// <summary>Exported model to serve.</summary>
    public required string ModelPath { get; init; }
    /// <summary>Addresses to listen on, separated by ';' (port 0 picks a free port); null: ASPNETCORE_URLS, appsettings.json, else <see cref="ListenAddresses.Default"/>.</summary>
    public string? Urls { get; init; }
    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Most files in one <c>/predict/batch</c> request.</summary>
    public int MaxBatchFiles { get; init; } = 64;
    /// <summary>Requests scored at once.</summary>
    public int MaxConcurrent { get; init; } = Environment.ProcessorCount;
    /// <summary>Requests waiting for a scoring slot before the rest get 503.</summary>
    public int MaxQueue { get; init; } = 64;
    /// <summary>Least severe log entry written (Information shows every request).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
