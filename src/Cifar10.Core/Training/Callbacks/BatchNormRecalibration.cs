using Cifar10.Core.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Recomputes every BatchNorm layer's running mean and variance as the average over the training
/// images of the batch statistics (BatchNorm in training mode, dropout off, no gradients), as
/// stochastic weight averaging does: before each epoch's validation pass (unless
/// <paramref name="beforeValidation"/> is false) and when training ends. With Keras' BatchNorm momentum
/// (0.99) a run of a few hundred steps leaves the running statistics far from the weights' (inference-mode
/// accuracy near chance while training accuracy climbs, so validation-driven early stopping and learning-rate
/// plateaus react to noise); afterwards they describe the current weights. Weights, the data order and the
/// random streams are not touched, so training itself is the same.
/// </summary>
public sealed class BatchNormRecalibration(LabeledImages train, InputScaling scaling, int batchSize, bool beforeValidation = true) : ITrainingCallback
{
    /// <summary>How many BatchNorm layers were recalibrated (0 until it first runs, and for networks without BatchNorm).</summary>
    public int Layers { get; private set; }

    /// <inheritdoc />
    public void OnValidationBegin(TrainingContext context)
    {
        if (beforeValidation) Recalibrate(context);
    }

    /// <inheritdoc />
    public void OnTrainEnd(TrainingContext context) => Recalibrate(context);

    void Recalibrate(TrainingContext context)
    {
        var layers = Recalibrate(context.Model, train, scaling, context.Device, batchSize);
        if (layers > 0) Layers = layers;
    }

    /// <summary>
    /// Sets the running statistics of every BatchNorm layer of <paramref name="model"/> to the average
    /// of its batch statistics over <paramref name="images"/>; leaves the model in inference mode and
    /// returns how many layers it recalibrated.
    /// </summary>
    public static int Recalibrate(nn.Module<Tensor, Tensor> model, LabeledImages images, InputScaling scaling, Device device, int batchSize)
    {
        var norms = model.modules().OfType<NormBase>().Where(n => n.track_running_stats).ToArray();
        if (norms.Length == 0 || images.Count == 0) return 0;
        var momenta = norms.Select(n => n.momentum).ToArray();
        using var noGrad = no_grad();
        model.eval();
        foreach (var norm in norms)
        {
            norm.reset_running_stats();
            norm.train();
        }
        int batches = 0;
        for (long start = 0; start < images.Count; start += batchSize, batches++)
        {
            var count = Math.Min(batchSize, images.Count - start);
            if (count < 2) break; // training-mode BatchNorm needs two values per channel
            using var scope = NewDisposeScope();
            // Momentum 1/(k+1) at batch k makes the running statistics the plain average over all batches.
            foreach (var norm in norms) norm.momentum = 1.0 / (batches + 1);
            var x = scaling.Apply(images.Pixels.narrow(0, start, count), device);
            model.forward(x);
        }
        for (int i = 0; i < norms.Length; i++) norms[i].momentum = momenta[i];
        model.eval();
        return norms.Length;
    }
}
