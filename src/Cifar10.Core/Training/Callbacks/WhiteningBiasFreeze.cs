using Cifar10.Core.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Trains the biases of a model's <see cref="PatchWhiteningSpec"/> layers for the first
/// <c>epochs</c> epochs only, as airbench does. After that each step puts them back as they were
/// when the epoch began: the optimizer's momentum and weight decay would otherwise keep moving a
/// parameter even without a gradient. Does nothing for a model without such layers.
/// </summary>
public sealed class WhiteningBiasFreeze(int epochs) : ITrainingCallback, IDisposable
{
    readonly List<(Parameter Bias, Tensor Frozen)> _frozen = [];

    /// <inheritdoc />
    public void OnEpochBegin(TrainingContext context)
    {
        if (context.Epoch <= epochs || _frozen.Count > 0) return;
        foreach (var bias in PatchWhitening.Biases(context.Model))
            _frozen.Add((bias, bias.detach().clone()));
    }

    /// <inheritdoc />
    public void OnBatchEnd(TrainingContext context, BatchLogs logs)
    {
        using var noGrad = no_grad();
        foreach (var (bias, frozen) in _frozen) bias.copy_(frozen);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, frozen) in _frozen) frozen.Dispose();
        _frozen.Clear();
    }
}
