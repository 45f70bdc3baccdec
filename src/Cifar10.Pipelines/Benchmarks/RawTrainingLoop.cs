using Cifar10.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// The ceiling for the trainer: forward, cross-entropy, backward and an Adam step (the study's
/// lr) repeated on one pre-made, already scaled float batch, so no data moves between steps.
/// </summary>
internal sealed class RawTrainingLoop : IDisposable
{
    readonly nn.Module<Tensor, Tensor> _model;
    readonly optim.Optimizer _optimizer;
    readonly Tensor _x, _y;

    public RawTrainingLoop(ModelDefinition definition, int batchSize, int seed)
    {
        manual_seed(seed);
        _model = definition.CreateModule();
        _model.train();
        _optimizer = optim.Adam(_model.parameters(), 1e-3);
        _x = rand(batchSize, definition.Input.Channels, definition.Input.Dims[1], definition.Input.Dims[2]); // [0,1), like scaled pixels
        _y = randint(0, definition.Output.Dims[0], batchSize, dtype: ScalarType.Int64);
    }

    /// <summary>Runs <paramref name="steps"/> steps; returns images per second.</summary>
    public double Run(int steps)
    {
        var seconds = Throughput.Seconds(() =>
        {
            for (int i = 0; i < steps; i++) Step();
        });
        return steps * _x.shape[0] / seconds;
    }

    void Step()
    {
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.forward(_x), _y);
        loss.backward();
        _optimizer.step();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}
