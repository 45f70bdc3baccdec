using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// A layer whose float32 weights are cast to the input's type for each call. With a bfloat16
/// input (the trainer's mixed precision) the arithmetic runs in bfloat16 while the weights, their
/// gradients and the optimizer's updates stay float32, which is what keeps small SGD steps from
/// rounding away. With a float32 input the cast is a no-op. Registers its tensors under the names
/// TorchSharp's own layers use (<c>weight</c>, <c>bias</c>; the fields keep those names so
/// <c>Module.to</c> can swap them), so state dicts, checkpoints and the ONNX export are unchanged.
/// </summary>
internal abstract class WeightCastingModule : nn.Module<Tensor, Tensor>
{
    protected readonly Parameter weight;
    protected readonly Parameter? bias;

    protected WeightCastingModule(string name, Parameter weight, Parameter? bias) : base(name)
    {
        this.weight = weight;
        this.bias = bias;
        register_parameter(nameof(weight), weight);
        if (bias is not null) register_parameter(nameof(bias), bias);
    }

    public override Tensor forward(Tensor input) => Apply(input, weight.to(input.dtype), bias?.to(input.dtype));

    /// <summary>The layer's operation with weights already in the input's type.</summary>
    protected abstract Tensor Apply(Tensor input, Tensor weight, Tensor? bias);
}

/// <summary>A convolution with a stride and symmetric zero padding (see <see cref="WeightCastingModule"/>).</summary>
internal sealed class CastingConv2d(Conv2d conv, long stride, long padding) : WeightCastingModule("Conv2d", conv.weight!, conv.bias)
{
    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) =>
        nn.functional.conv2d(input, weight, bias, strides: [stride, stride], padding: [padding, padding]);
}

/// <summary>A fully connected layer (see <see cref="WeightCastingModule"/>).</summary>
internal sealed class CastingLinear(Linear linear) : WeightCastingModule("Linear", linear.weight!, linear.bias)
{
    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) => nn.functional.linear(input, weight, bias);
}
