using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Keras' EarlyStopping(monitor='val_loss', restore_best_weights=True): keeps a copy of the
/// best weights and stops after <c>patience</c> epochs without improvement.
/// </summary>
public sealed class EarlyStopping(int patience) : IDisposable
{
    Dictionary<string, Tensor>? _bestState;

    /// <summary>Best validation loss seen.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;
    /// <summary>Epoch (1-based) of the best validation loss.</summary>
    public int BestEpoch { get; private set; }
    /// <summary>Epochs since the best one.</summary>
    public int Wait { get; private set; }

    /// <summary>Feeds one epoch; returns true when training should stop.</summary>
    public bool Step(int epoch, double validationLoss, nn.Module model)
    {
        if (validationLoss < Best)
        {
            Best = validationLoss;
            BestEpoch = epoch;
            Wait = 0;
            Snapshot(model);
            return false;
        }
        return ++Wait >= patience;
    }

    /// <summary>Copies the best weights back into the model.</summary>
    public void RestoreBest(nn.Module model)
    {
        if (_bestState is null) return;
        using var noGrad = no_grad();
        foreach (var (name, value) in model.state_dict())
            value.copy_(_bestState[name]);
    }

    /// <summary>The best weights so far (empty before the first epoch), for checkpoints.</summary>
    public IReadOnlyDictionary<string, Tensor> BestWeights => _bestState ?? [];

    /// <summary>Restores counters and best weights saved in a checkpoint (takes ownership of the tensors).</summary>
    public void Restore(double best, int bestEpoch, int wait, Dictionary<string, Tensor> bestWeights)
    {
        Best = best;
        BestEpoch = bestEpoch;
        Wait = wait;
        DisposeState();
        _bestState = bestWeights.Count > 0 ? bestWeights : null;
    }

    void Snapshot(nn.Module model)
    {
        DisposeState();
        _bestState = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }

    void DisposeState()
    {
        if (_bestState is null) return;
        foreach (var t in _bestState.Values) t.Dispose();
        _bestState = null;
    }

    /// <inheritdoc />
    public void Dispose() => DisposeState();
}
