using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cifar10.Serving;

/// <summary>
/// Bounds how many requests decode and score at once (a CPU-bound model gains nothing from more than
/// the cores it has, and every decode holds its pixels): the rest wait in a bounded queue, and beyond it
/// get 503 with <c>Retry-After</c>. The body is read before a slot is taken, so slow uploads hold none.
/// </summary>
internal sealed class ScoringGate : IDisposable
{
    readonly ConcurrencyLimiter _limiter;
    readonly ScoringMetrics _metrics;
    readonly CifarClassifierOptions _options;

    public ScoringGate(IOptions<CifarClassifierOptions> options, ScoringMetrics metrics)
    {
        _options = options.Value;
        _metrics = metrics;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentScoring,
            QueueLimit = _options.MaxQueuedScoring,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Runs <paramref name="score"/> in a scoring slot, timing it; a full queue is a 503 <see cref="RequestProblem"/>.</summary>
    public async Task<T> RunAsync<T>(Func<T> score, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            _metrics.Rejected.Inc();
            throw new RequestProblem(StatusCodes.Status503ServiceUnavailable,
                $"the server is busy: {_options.MaxConcurrentScoring} requests are being scored and {_options.MaxQueuedScoring} are waiting; retry shortly.",
                TimeSpan.FromSeconds(_options.RetryAfterSeconds));
        }
        _metrics.InFlight.Inc();
        var clock = Stopwatch.StartNew();
        try { return score(); }
        finally
        {
            _metrics.InferenceDuration.Observe(clock.Elapsed.TotalSeconds);
            _metrics.InFlight.Dec();
        }
    }

    public void Dispose() => _limiter.Dispose();
}
