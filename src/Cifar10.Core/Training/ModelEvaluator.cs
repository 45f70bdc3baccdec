using Cifar10.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>Runs a model over a set of images in inference mode.</summary>
public static class ModelEvaluator
{
    /// <summary>Class probabilities [N,10] (float32, on the CPU), in image order, averaged over the <paramref name="views"/> of each image.</summary>
    public static Tensor PredictProbabilities(nn.Module<Tensor, Tensor> model, Tensor pixels, InputScaling scaling, Device device, int batchSize = 256, TestTimeAugmentation views = default)
    {
        var (mean, plain) = PredictProbabilitiesWithPlain(model, pixels, scaling, device, batchSize, views);
        plain?.Dispose();
        return mean;
    }

    /// <summary>
    /// As <see cref="PredictProbabilities"/>, and with several views also the probabilities of each
    /// image itself (one view), from the same passes; <c>Plain</c> is null when there is one view.
    /// </summary>
    public static (Tensor Mean, Tensor? Plain) PredictProbabilitiesWithPlain(nn.Module<Tensor, Tensor> model, Tensor pixels, InputScaling scaling, Device device,
        int batchSize = 256, TestTimeAugmentation views = default)
    {
        model.eval();
        using var noGrad = no_grad();
        var count = pixels.shape[0];
        var means = new List<Tensor>();
        var plains = new List<Tensor>();
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var x = scaling.Apply(pixels.narrow(0, start, Math.Min(batchSize, count - start)), device);
            var (mean, plain) = views.ProbabilitiesWithPlain(model.forward, x);
            means.Add(mean.cpu().MoveToOuterDisposeScope());
            if (views.Count > 1) plains.Add(plain.cpu().MoveToOuterDisposeScope());
        }
        return (Concatenate(means), plains.Count > 0 ? Concatenate(plains) : null);
    }

    static Tensor Concatenate(List<Tensor> parts)
    {
        var all = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return all;
    }

    /// <summary>Mean cross-entropy and accuracy of a model on a set of images.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, LabeledImages images, InputScaling scaling, Device device, int batchSize = 256, TestTimeAugmentation views = default)
    {
        using var scope = NewDisposeScope();
        var probabilities = PredictProbabilities(model, images.Pixels, scaling, device, batchSize, views);
        return LossAndAccuracy(probabilities, images.Labels);
    }

    /// <summary>Cross-entropy (from probabilities) and accuracy against labels.</summary>
    public static (double Loss, double Accuracy) LossAndAccuracy(Tensor probabilities, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var picked = probabilities.gather(1, labels.unsqueeze(1)).clamp_min(1e-12f).log();
        var loss = -picked.mean().item<float>();
        var accuracy = probabilities.argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
        return (loss, accuracy);
    }
}
