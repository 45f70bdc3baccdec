namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// A one-cycle learning rate set before every step: linear warm-up from <c>startFraction</c> of the
/// recipe's rate to the full rate over the first <c>warmupFraction</c> of the run's steps, then linear
/// decay to <c>endFraction</c> of it at the end (0 and 0: from nothing to nothing; airbench94: 0.2 and 0.07).
/// </summary>
public sealed class OneCycleLearningRate(double warmupFraction, double startFraction = 0, double endFraction = 0) : ITrainingCallback
{
    /// <inheritdoc />
    public void OnBatchBegin(TrainingContext context) =>
        context.Optimizer.LearningRate = Rate(context.Recipe.LearningRate, warmupFraction, context.Step, context.TotalSteps, startFraction, endFraction);

    /// <summary>The learning rate at <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>.</summary>
    public static double Rate(double peak, double warmupFraction, long step, long totalSteps, double startFraction = 0, double endFraction = 0)
    {
        var warmup = Math.Max(1, (long)(warmupFraction * totalSteps));
        var fraction = step < warmup
            ? startFraction + (1 - startFraction) * (step + 1) / warmup
            : endFraction + (1 - endFraction) * Math.Max(0, totalSteps - step) / Math.Max(1, totalSteps - warmup);
        return peak * fraction;
    }
}
