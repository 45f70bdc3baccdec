using Cifar10.Serving;
using Microsoft.Extensions.Logging;

namespace Cifar10.Cli.Serving;

/// <summary>How <c>cifar10 serve</c> hosts the classifier endpoint: what the CLI adds to the library's own options.</summary>
internal sealed record ServerOptions
{
    /// <summary>The endpoint's options (model, limits), as the Cifar10.Serving library takes them; unset ones keep its defaults.</summary>
    public required Action<CifarClassifierOptions> Classifier { get; init; }
    /// <summary>Addresses to listen on, separated by ';' (port 0 picks a free port); null: ASPNETCORE_URLS, appsettings.json, else <see cref="ListenAddresses.Default"/>.</summary>
    public string? Urls { get; init; }
    /// <summary>Least severe log entry written (Information shows every request).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
