namespace Cifar10.Core.Training;

/// <summary>Per-step one-cycle learning rate: linear warm-up from 0 to the peak over the first share of steps, then linear decay to 0.</summary>
public static class OneCycleSchedule
{
    /// <summary>The learning rate at <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>.</summary>
    public static double Rate(double peak, double warmupFraction, long step, long totalSteps)
    {
        var warmup = Math.Max(1, (long)(warmupFraction * totalSteps));
        return step < warmup
            ? peak * (step + 1) / warmup
            : peak * Math.Max(0, totalSteps - step) / Math.Max(1, totalSteps - warmup);
    }
}
