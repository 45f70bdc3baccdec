namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// A one-cycle learning rate set before every step: linear warm-up from 0 to the recipe's rate over
/// the first <c>warmupFraction</c> of the run's steps, then linear decay to 0.
/// </summary>
public sealed class OneCycleLearningRate(double warmupFraction) : ITrainingCallback
{
    /// <inheritdoc />
    public void OnBatchBegin(TrainingContext context) =>
        context.Optimizer.LearningRate = Rate(context.Recipe.LearningRate, warmupFraction, context.Step, context.TotalSteps);

    /// <summary>The learning rate at <paramref name="step"/> (0-based) of <paramref name="totalSteps"/>.</summary>
    public static double Rate(double peak, double warmupFraction, long step, long totalSteps)
    {
        var warmup = Math.Max(1, (long)(warmupFraction * totalSteps));
        return step < warmup
            ? peak * (step + 1) / warmup
            : peak * Math.Max(0, totalSteps - step) / Math.Max(1, totalSteps - warmup);
    }
}
