namespace Cifar10.Cli.Serving;

/// <summary>How the prediction server runs.</summary>
internal sealed record ServerOptions
{
    /// <summary>Exported model to serve.</summary>
    public required string ModelPath { get; init; }
    /// <summary>Addresses to listen on, separated by ';' (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Most files in one <c>/predict/batch</c> request.</summary>
    public int MaxBatchFiles { get; init; } = 64;
}
