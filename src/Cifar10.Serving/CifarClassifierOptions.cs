using Cifar10.Scoring;

namespace Cifar10.Serving;

/// <summary>
/// How the classifier endpoint loads its model and bounds its work. Bound from the <c>Cifar10</c>
/// configuration section by <c>AddCifarClassifier(configuration)</c>, e.g. <c>Cifar10__ModelPath</c>.
/// </summary>
public sealed class CifarClassifierOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Cifar10";

    /// <summary>The model to serve: an ML.NET <c>model.zip</c> or an exported <c>model.onnx</c> (required).</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>Largest request body accepted on the prediction endpoints; larger ones get 413.</summary>
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files in one <c>/predict/batch</c> request.</summary>
    public int MaxBatchFiles { get; set; } = 64;

    /// <summary>
    /// Most pixels one <c>/predict/batch</c> request may decode to, all files together (each image is also
    /// capped at <see cref="ImageCheck.MaxPixels"/>); a batch above it gets 413 before anything is decoded.
    /// </summary>
    public long MaxBatchPixels { get; set; } = 4 * ImageCheck.MaxPixels;

    /// <summary>Requests scored at the same time; the rest wait in the queue.</summary>
    public int MaxConcurrentScoring { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait for a scoring slot; beyond that they get 503 with <c>Retry-After</c>.</summary>
    public int MaxQueuedScoring { get; set; } = 64;

    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) when the server is busy or still loading the model.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ModelPath) ? "ModelPath is required (the model.zip or model.onnx to serve)."
        : MaxRequestBytes < 1 ? $"MaxRequestBytes is {MaxRequestBytes}; it must be positive."
        : MaxBatchFiles < 1 ? $"MaxBatchFiles is {MaxBatchFiles}; it must be positive."
        : MaxBatchPixels < ImageCheck.MaxPixels ? $"MaxBatchPixels is {MaxBatchPixels}; it must be at least one image's cap, {ImageCheck.MaxPixels}."
        : MaxConcurrentScoring < 1 ? $"MaxConcurrentScoring is {MaxConcurrentScoring}; it must be positive."
        : MaxQueuedScoring < 0 ? $"MaxQueuedScoring is {MaxQueuedScoring}; it must be zero or more."
        : RetryAfterSeconds < 1 ? $"RetryAfterSeconds is {RetryAfterSeconds}; it must be positive."
        : null;
}
