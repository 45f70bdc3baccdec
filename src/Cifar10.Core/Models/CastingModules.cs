using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// A convolution whose float32 weights are cast to the input's type for each call. With a
/// bfloat16 input (the trainer's mixed precision) the arithmetic runs in bfloat16 while the
/// weights, their gradients and the optimizer's updates stay float32, which is what keeps small
/// SGD steps from rounding away. With a float32 input the cast is a no-op. Registers its tensors
/// under the same names as <c>nn.Conv2d</c>, so state dicts, checkpoints and the ONNX export are unchanged.
/// </summary>
internal sealed class CastingConv2d : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter? bias;
    readonly long padding;

    public CastingConv2d(Conv2d conv, long padding) : base("Conv2d")
    {
        weight = conv.weight!;
        bias = conv.bias;
        this.padding = padding;
        register_parameter(nameof(weight), weight);
        if (bias is not null) register_parameter(nameof(bias), bias);
    }

    public override Tensor forward(Tensor input) =>
        nn.functional.conv2d(input, weight.to(input.dtype), bias?.to(input.dtype), padding: [padding, padding]);
}

/// <summary>A fully connected layer that casts its float32 weights to the input's type (see <see cref="CastingConv2d"/>).</summary>
internal sealed class CastingLinear : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;
    readonly Parameter? bias;

    public CastingLinear(Linear linear) : base("Linear")
    {
        weight = linear.weight!;
        bias = linear.bias;
        register_parameter(nameof(weight), weight);
        if (bias is not null) register_parameter(nameof(bias), bias);
    }

    public override Tensor forward(Tensor input) =>
        nn.functional.linear(input, weight.to(input.dtype), bias?.to(input.dtype));
}
