using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>Dropout during training; the identity at inference (and in ONNX).</summary>
public sealed record DropoutSpec(double Rate) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "Dropout";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => input;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => nn.Dropout(Rate);
}
