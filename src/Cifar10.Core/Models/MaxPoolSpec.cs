using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>Non-overlapping max pooling (size × size, stride = size).</summary>
public sealed record MaxPoolSpec(int Size = 2) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "MaxPooling2D";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input)
    {
        input.RequireImage(Kind);
        return new Shape(input.Channels, input.Height / Size, input.Width / Size);
    }
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => nn.MaxPool2d(Size, Size);
}
