using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// Batch normalisation over channels (images) or features (flat). Keras' defaults:
/// momentum 0.99 (TorchSharp's 0.01) and epsilon 1e-3. With <c>TrainScale: false</c> the
/// per-channel scale stays 1 and only the shift is learned (as in the published CIFAR-10
/// speed-runs: the following convolution can absorb any scale, so training it only adds noise).
/// </summary>
public sealed record BatchNormSpec(double Epsilon = 1e-3, double Momentum = 0.01, bool TrainScale = true) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "BatchNormalization";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => input;
    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => (TrainScale ? 2L : 1L) * input.Channels;
    /// <inheritdoc />
    public override long NonTrainableParameters(Shape input) => (TrainScale ? 2L : 3L) * input.Channels;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input)
    {
        nn.Module<Tensor, Tensor> norm = input.Rank == 3
            ? nn.BatchNorm2d(input.Channels, eps: Epsilon, momentum: Momentum)
            : nn.BatchNorm1d(input.Channels, eps: Epsilon, momentum: Momentum);
        if (!TrainScale)
            foreach (var (name, parameter) in norm.named_parameters())
                if (name == "weight") parameter.requires_grad = false;
        return norm;
    }
}
