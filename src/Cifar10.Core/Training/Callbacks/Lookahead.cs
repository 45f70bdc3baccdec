using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Lookahead with a pull that grows over the run, after the published CIFAR-10 speed-runs: a slow
/// copy of every floating-point weight and BatchNorm statistic is kept; <c>pulls</c> times over the
/// run, evenly spaced, <c>slow ← decay·slow + (1 − decay)·live</c>, then <c>live ← slow</c>. The decay
/// rises as 0.95⁵·progress³, so early pulls leave the weights alone and late ones average the last
/// few. It pulls once more after the last step, so a run ends on the slow weights.
/// </summary>
public sealed class Lookahead(int pulls) : ITrainingCallback, ICheckpointedCallback, IDisposable
{
    readonly List<(string Name, Tensor Live, Tensor Slow)> _weights = [];

    /// <summary>The decay at <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public static double Decay(long step, long totalSteps) => Math.Pow(0.95, 5) * Math.Pow((double)step / totalSteps, 3);

    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context)
    {
        using var noGrad = no_grad();
        Dispose();
        foreach (var (name, live) in context.Model.state_dict().Where(kv => kv.Value.is_floating_point()))
            _weights.Add((name, live, live.detach().clone()));
    }

    /// <inheritdoc />
    public void OnBatchEnd(TrainingContext context, BatchLogs logs)
    {
        var stepsDone = logs.Step + 1;
        var period = Math.Max(1, context.TotalSteps / Math.Max(1, pulls));
        if (stepsDone % period == 0 || stepsDone == context.TotalSteps)
            Pull(Decay(stepsDone, context.TotalSteps));
    }

    /// <summary>Moves the slow copy towards the live weights by 1 − <paramref name="decay"/>, then sets the live weights to it.</summary>
    public void Pull(double decay)
    {
        using var noGrad = no_grad();
        foreach (var (_, live, slow) in _weights)
        {
            slow.mul_(decay).add_(live, alpha: 1 - decay);
            live.copy_(slow);
        }
    }

    /// <inheritdoc />
    public string CheckpointKey => "lookahead";

    /// <inheritdoc />
    public CallbackState SaveState() =>
        new(new Dictionary<string, double>(), _weights.ToDictionary(w => w.Name, w => w.Slow));

    /// <inheritdoc />
    public void LoadState(CallbackState state)
    {
        using var noGrad = no_grad();
        foreach (var (name, _, slow) in _weights)
            if (state.Tensors.TryGetValue(name, out var saved)) slow.copy_(saved);
        foreach (var t in state.Tensors.Values) t.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, _, slow) in _weights) slow.Dispose();
        _weights.Clear();
    }
}
