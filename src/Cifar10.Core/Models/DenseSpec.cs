using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>Fully connected layer with optional activation.</summary>
public sealed record DenseSpec(int Units, Activation Activation = Activation.Relu, bool UseBias = true) : LayerSpec
{
    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore] public override string Kind => "Dense";
    /// <inheritdoc />
    public override Shape OutputShape(Shape input)
    {
        input.RequireFlat(Kind);
        return new Shape(Units);
    }
    /// <inheritdoc />
    public override long TrainableParameters(Shape input) => (long)input.Channels * Units + (UseBias ? Units : 0);
    /// <inheritdoc />
    public override long MultiplyAdds(Shape input) => (long)input.Channels * Units;
    /// <inheritdoc />
    public override nn.Module<Tensor, Tensor> CreateModule(Shape input)
    {
        var linear = nn.Linear(input.Channels, Units, hasBias: UseBias);
        InitialiseKerasStyle(linear.weight!, linear.bias);
        return WithActivation(new CastingLinear(linear), Activation);
    }
}
