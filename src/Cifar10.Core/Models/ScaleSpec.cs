using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>Multiplies by a constant (e.g. a temperature on the logits).</summary>
public sealed record ScaleSpec(float Factor) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "Scale";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => input;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => new ScaleModule(Factor);

    sealed class ScaleModule(float factor) : nn.Module<Tensor, Tensor>("Scale")
    {
        public override Tensor forward(Tensor input) => input.mul(factor);
    }
}
