using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// A frozen k×k convolution (no padding) whose filters whiten the image's k×k patches, after the
/// published CIFAR-10 speed-runs (airbench): the eigenvectors of the patch covariance, each divided
/// by √(eigenvalue + <see cref="Epsilon"/>), and each also negated, so the layer has 2·C·k² filters
/// (24 for RGB and k = 2). The filters come from training images, not from a seed:
/// <see cref="PatchWhitening.FitLayers"/> computes them before the first epoch (the trainer does
/// this). Only the bias trains (see <see cref="Training.FastRecipe.WhiteningBiasEpochs"/>).
/// </summary>
public sealed record PatchWhiteningSpec(int Kernel = 2, double Epsilon = 5e-4) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "PatchWhitening";

    /// <summary>Filters for <paramref name="channels"/> input channels: a positive and a negative copy of each of the C·k² directions.</summary>
    public int Filters(int channels) => 2 * channels * Kernel * Kernel;

    /// <inheritdoc />
    public override Shape OutputShape(Shape input)
    {
        input.RequireImage(Kind);
        if (Kernel <= 0 || Kernel > Math.Min(input.Height, input.Width))
            throw new ArgumentException($"{Kind} {Kernel}×{Kernel} does not fit a {input.Height}×{input.Width} input");
        if (!(Epsilon >= 0)) throw new ArgumentException($"{Kind} needs a non-negative epsilon, got {Epsilon}");
        return new Shape(Filters(input.Channels), input.Height - Kernel + 1, input.Width - Kernel + 1);
    }

    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => Filters(input.Channels);
    /// <inheritdoc />
    public override long NonTrainableParameters(Shape input) => (long)Filters(input.Channels) * input.Channels * Kernel * Kernel;
    /// <inheritdoc />
    public override long MultiplyAdds(Shape input)
    {
        var output = OutputShape(input);
        return (long)Kernel * Kernel * input.Channels * output.Channels * output.Height * output.Width;
    }

    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input)
    {
        var conv = nn.Conv2d(input.Channels, Filters(input.Channels), Kernel, bias: true);
        using (no_grad())
        {
            conv.weight!.zero_(); // unfitted until PatchWhitening.FitLayers sees training images
            conv.bias!.zero_();
        }
        conv.weight!.requires_grad = false;
        return new PatchWhiteningConv(conv, Kernel, Epsilon);
    }
}
