using Prometheus;

namespace Cifar10.Serving;

/// <summary>
/// The scoring metrics on <c>/metrics</c>, beside prometheus-net's HTTP request counts and latencies:
/// how long the model takes (without queueing or body upload), how many requests it scores now, and how
/// many the concurrency limit turned away.
/// </summary>
internal sealed class ScoringMetrics
{
    public Histogram InferenceDuration { get; } = Prometheus.Metrics.CreateHistogram(
        "cifar10_inference_duration_seconds",
        "Time spent decoding and scoring the images of one request (excluding upload and queueing).",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    public Gauge InFlight { get; } = Prometheus.Metrics.CreateGauge(
        "cifar10_scoring_in_flight",
        "Requests being decoded and scored now.");

    public Counter Rejected { get; } = Prometheus.Metrics.CreateCounter(
        "cifar10_scoring_rejected_total",
        "Requests refused with 503 because every scoring slot and queue place was taken.");
}
