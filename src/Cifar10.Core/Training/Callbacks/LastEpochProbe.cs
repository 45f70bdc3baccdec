using Cifar10.Core.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Measures what a run reports under Keras' default (<c>restore_best_weights=False</c>: the last
/// epoch's weights are kept): after the last epoch, and before any callback puts the best weights
/// back, it scores <paramref name="test"/> once with the BatchNorm running statistics as training left
/// them, and once with those statistics recomputed over <paramref name="train"/>. The two differ only
/// in the statistics, so a low first number that the second recovers is the moving averages, not the
/// weights. The running statistics are put back afterwards: training and what the run keeps are unchanged.
/// Register it after the recipe's callbacks (where the trainer puts extra callbacks) so that early
/// stopping has already decided whether this epoch is the last.
/// </summary>
public sealed class LastEpochProbe(LabeledImages train, LabeledImages test, InputScaling scaling, int batchSize) : ITrainingCallback
{
    /// <summary>What the probe measured, or null until the last epoch has ended (and for a run resumed after it).</summary>
    public LastEpochMeasurement? Measurement { get; private set; }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs)
    {
        if (!context.StopTraining && context.Epoch < context.Epochs) return;
        var model = context.Model;
        var (_, moving) = ModelEvaluator.Evaluate(model, test, scaling, context.Device, batchSize);
        var saved = SaveRunningStatistics(model);
        try
        {
            var layers = BatchNormRecalibration.Recalibrate(model, train, scaling, context.Device, batchSize);
            var recalibrated = layers > 0 ? ModelEvaluator.Evaluate(model, test, scaling, context.Device, batchSize).Accuracy : moving;
            Measurement = new LastEpochMeasurement(logs.Epoch, logs.TrainAccuracy, moving, recalibrated);
        }
        finally
        {
            Restore(saved);
        }
    }

    static List<(Tensor Target, Tensor Copy)> SaveRunningStatistics(nn.Module model) =>
        model.modules().OfType<NormBase>().Where(n => n.track_running_stats)
            .SelectMany(n => new[] { n.running_mean, n.running_var, n.num_batches_tracked }.OfType<Tensor>())
            .Select(t => (t, t.detach().clone())).ToList();

    static void Restore(List<(Tensor Target, Tensor Copy)> saved)
    {
        using var noGrad = no_grad();
        foreach (var (target, copy) in saved)
        {
            target.copy_(copy);
            copy.Dispose();
        }
    }
}

/// <summary>
/// The last epoch of a run as Keras' default reports it: its (dropout-mode) training accuracy, test
/// accuracy with the BatchNorm moving statistics, and test accuracy with those statistics recomputed
/// over the training images.
/// </summary>
public sealed record LastEpochMeasurement(int Epoch, double TrainAccuracy, double TestAccuracy, double RecalibratedTestAccuracy);
