using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>A standalone activation (for orders such as conv → pool → BatchNorm → GELU).</summary>
public sealed record ActivationSpec(Activation Activation) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "Activation";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => input;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => Activation switch
    {
        Activation.Relu => nn.ReLU(),
        Activation.Gelu => nn.GELU(),
        _ => nn.Identity(),
    };
}
