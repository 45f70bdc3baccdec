using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Keras' EarlyStopping(monitor='val_loss'): stops after <c>patience</c> epochs without a lower
/// validation loss. With <c>restoreBestWeights</c> it keeps a copy of the best epoch's weights and
/// puts them back when training ends; without, the model keeps its last weights (Keras' default).
/// </summary>
public sealed class EarlyStopping(int patience, bool restoreBestWeights = true) : ITrainingCallback, ICheckpointedCallback, IDisposable
{
    Dictionary<string, Tensor>? _bestWeights;

    /// <summary>Best validation loss seen.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;
    /// <summary>Epoch (1-based) of the best validation loss.</summary>
    public int BestEpoch { get; private set; }
    /// <summary>Epochs since the best one.</summary>
    public int Wait { get; private set; }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs)
    {
        if (Improves(logs.Epoch, logs.ValidationLoss, context.Model)) return;
        if (++Wait >= patience) context.StopTraining = true;
    }

    /// <inheritdoc />
    public void OnTrainEnd(TrainingContext context)
    {
        if (!restoreBestWeights || _bestWeights is null) return;
        using var noGrad = no_grad();
        foreach (var (name, value) in context.Model.state_dict())
            value.copy_(_bestWeights[name]);
        context.KeptEpoch = BestEpoch;
    }

    bool Improves(int epoch, double validationLoss, nn.Module model)
    {
        if (!(validationLoss < Best)) return false;
        Best = validationLoss;
        BestEpoch = epoch;
        Wait = 0;
        if (restoreBestWeights)
            Replace(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));
        return true;
    }

    /// <inheritdoc />
    public string CheckpointKey => "early-stopping";

    /// <inheritdoc />
    public CallbackState SaveState() =>
        new(new Dictionary<string, double> { ["best"] = Best, ["bestEpoch"] = BestEpoch, ["wait"] = Wait }, _bestWeights ?? []);

    /// <inheritdoc />
    public void LoadState(CallbackState state)
    {
        Best = state.Numbers["best"];
        BestEpoch = (int)state.Numbers["bestEpoch"];
        Wait = (int)state.Numbers["wait"];
        Replace(state.Tensors.Count > 0 ? state.Tensors.ToDictionary() : null);
    }

    void Replace(Dictionary<string, Tensor>? weights)
    {
        if (_bestWeights is not null)
            foreach (var t in _bestWeights.Values) t.Dispose();
        _bestWeights = weights;
    }

    /// <inheritdoc />
    public void Dispose() => Replace(null);
}
