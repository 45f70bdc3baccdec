using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// Batch normalisation over channels (images) or features (flat). Keras' defaults:
/// momentum 0.99 (TorchSharp's 0.01) and epsilon 1e-3.
/// </summary>
public sealed record BatchNormSpec(double Epsilon = 1e-3, double Momentum = 0.01) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "BatchNormalization";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => input;
    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => 2L * input.Channels;
    /// <inheritdoc />
    public override long NonTrainableParameters(Shape input) => 2L * input.Channels;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => input.Rank == 3
        ? nn.BatchNorm2d(input.Channels, eps: Epsilon, momentum: Momentum)
        : nn.BatchNorm1d(input.Channels, eps: Epsilon, momentum: Momentum);
}
