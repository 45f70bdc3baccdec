using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Lookahead with a pull that grows over the run, after the published CIFAR-10 speed-runs: a slow
/// copy of every floating-point weight and BatchNorm statistic is kept; at each pull
/// <c>slow ← decay·slow + (1 − decay)·live</c>, then <c>live ← slow</c>. The decay rises as
/// 0.95⁵·progress³, so early pulls leave the weights alone and late ones average the last few.
/// The trainer pulls once more after the last step, so a run ends on the slow weights.
/// </summary>
public sealed class Lookahead : IDisposable
{
    readonly List<(Tensor Live, Tensor Slow)> _pairs;

    /// <summary>Starts the slow copy at the model's current weights.</summary>
    public Lookahead(nn.Module model)
    {
        using var noGrad = no_grad();
        _pairs = model.state_dict().Values.Where(t => t.is_floating_point()).Select(t => (t, t.detach().clone())).ToList();
    }

    /// <summary>The decay at <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public static double Decay(long step, long totalSteps) => Math.Pow(0.95, 5) * Math.Pow((double)step / totalSteps, 3);

    /// <summary>Moves the slow copy towards the live weights by 1 − <paramref name="decay"/>, then sets the live weights to it.</summary>
    public void Pull(double decay)
    {
        using var noGrad = no_grad();
        foreach (var (live, slow) in _pairs)
        {
            slow.mul_(decay).add_(live, alpha: 1 - decay);
            live.copy_(slow);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, slow) in _pairs) slow.Dispose();
    }
}
