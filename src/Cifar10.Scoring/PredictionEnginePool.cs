using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cifar10.Scoring;

/// <summary>
/// A thread-safe pool of <see cref="PredictionEngine{TSrc, TDst}"/>s, which are cheap to use but
/// not safe to share between threads. Callers rent one per prediction; the pool keeps at most
/// <see cref="MaxRetained"/> idle engines and creates more under load.
/// </summary>
public sealed class PredictionEnginePool<TInput, TOutput> : IDisposable
    where TInput : class
    where TOutput : class, new()
{
    readonly Func<PredictionEngine<TInput, TOutput>> _create;
    readonly ConcurrentBag<PredictionEngine<TInput, TOutput>> _idle = [];
    int _idleCount;
    bool _disposed;

    /// <summary>Creates a pool over <paramref name="transformer"/>.</summary>
    public PredictionEnginePool(MLContext mlContext, ITransformer transformer, SchemaDefinition? inputSchema = null, SchemaDefinition? outputSchema = null, int maxRetained = 0)
    {
        // The pool disposes engines beyond MaxRetained; by default an engine owns (and disposes) the
        // shared transformer with it, which would kill the ONNX session for every other engine.
        var engineOptions = new PredictionEngineOptions { OwnsTransformer = false, InputSchemaDefinition = inputSchema, OutputSchemaDefinition = outputSchema };
        _create = () => mlContext.Model.CreatePredictionEngine<TInput, TOutput>(transformer, engineOptions);
        MaxRetained = maxRetained > 0 ? maxRetained : Environment.ProcessorCount * 2;
    }

    /// <summary>Most idle engines kept for reuse.</summary>
    public int MaxRetained { get; }

    /// <summary>Runs one prediction on a rented engine.</summary>
    public TOutput Predict(TInput input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var engine = Rent();
        try { return engine.Predict(input); }
        finally { Return(engine); }
    }

    PredictionEngine<TInput, TOutput> Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }
        return _create();
    }

    void Return(PredictionEngine<TInput, TOutput> engine)
    {
        if (!_disposed && Interlocked.Increment(ref _idleCount) <= MaxRetained)
        {
            _idle.Add(engine);
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        engine.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var engine)) engine.Dispose();
    }
}
