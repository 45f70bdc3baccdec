using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>k×k convolution, stride 1, 'same' padding (odd k), optional activation.</summary>
public sealed record Conv2DSpec(int Filters, int Kernel, Activation Activation = Activation.Relu, bool UseBias = true) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "Conv2D";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input)
    {
        input.RequireImage(Kind);
        return new Shape(Filters, input.Height, input.Width);
    }
    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => (long)Kernel * Kernel * input.Channels * Filters + (UseBias ? Filters : 0);
    /// <inheritdoc />
    public override long MultiplyAdds(Shape input) => (long)Kernel * Kernel * input.Channels * Filters * input.Height * input.Width;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input)
    {
        var conv = nn.Conv2d(input.Channels, Filters, Kernel, padding: Kernel / 2, bias: UseBias);
        InitialiseKerasStyle(conv.weight!, conv.bias);
        return WithActivation(conv, Activation);
    }
}
