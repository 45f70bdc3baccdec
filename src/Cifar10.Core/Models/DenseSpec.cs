using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>Fully connected layer with optional activation.</summary>
public sealed record DenseSpec(int Units, Activation Activation = Activation.Relu) : LayerSpec
{
    /// <inheritdoc />
    public override string Kind => "Dense";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input)
    {
        input.RequireFlat(Kind);
        return new Shape(Units);
    }
    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => (long)input.Channels * Units + Units;
    /// <inheritdoc />
    public override long MultiplyAdds(Shape input) => (long)input.Channels * Units;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input)
    {
        var linear = nn.Linear(input.Channels, Units);
        InitialiseKerasStyle(linear.weight!, linear.bias);
        return WithActivation(linear, Activation);
    }
}
