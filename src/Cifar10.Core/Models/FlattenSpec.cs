using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>(C,H,W) → (C·H·W), in channel-major order.</summary>
public sealed record FlattenSpec : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "Flatten";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input) => new((int)input.Elements);
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => nn.Flatten();
}
