using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// One layer of a sequential definition. A spec knows its output shape, parameter counts and
/// multiply-adds for a given input shape, and creates its TorchSharp module; the summary, the
/// FLOP counts, training and ONNX export all read the same spec.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Conv2DSpec), "Conv2D")]
[JsonDerivedType(typeof(BatchNormSpec), "BatchNormalization")]
[JsonDerivedType(typeof(MaxPoolSpec), "MaxPooling2D")]
[JsonDerivedType(typeof(FlattenSpec), "Flatten")]
[JsonDerivedType(typeof(DenseSpec), "Dense")]
[JsonDerivedType(typeof(DropoutSpec), "Dropout")]
[JsonDerivedType(typeof(ActivationSpec), "Activation")]
[JsonDerivedType(typeof(ScaleSpec), "Scale")]
[JsonDerivedType(typeof(PatchWhiteningSpec), "PatchWhitening")]
public abstract record LayerSpec
{
    /// <summary>Keras-style layer type name, e.g. <c>Conv2D</c> (in JSON, the <c>kind</c> of the layer).</summary>
    [JsonIgnore] public abstract string Kind { get; }
    /// <summary>Shape of one output example.</summary>
    public abstract Shape OutputShape(Shape input);
    /// <summary>Parameters updated by the optimizer.</summary>
    public virtual long TrainableParameters(Shape input) => 0;
    /// <summary>State that is not trained (BatchNorm running statistics, as Keras counts them).</summary>
    public virtual long NonTrainableParameters(Shape input) => 0;
    /// <summary>Multiply-adds of one forward pass of one example (conv and linear layers).</summary>
    public virtual long MultiplyAdds(Shape input) => 0;
    /// <summary>Creates the module, initialised as Keras does (Glorot-uniform weights, zero biases).</summary>
    public abstract nn.Module<Tensor, Tensor> CreateModule(Shape input);

    /// <summary>Wraps a module and an optional activation in one sequential module.</summary>
    protected static nn.Module<Tensor, Tensor> WithActivation(nn.Module<Tensor, Tensor> module, Activation activation) => activation switch
    {
        Activation.None => module,
        Activation.Relu => nn.Sequential(("op", module), ("act", nn.ReLU())),
        Activation.Gelu => nn.Sequential(("op", module), ("act", nn.GELU())),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>Keras' default initialisation of kernels and biases.</summary>
    protected static void InitialiseKerasStyle(Tensor weight, Tensor? bias)
    {
        using var noGrad = no_grad();
        nn.init.xavier_uniform_(weight);
        if (bias is not null) nn.init.zeros_(bias);
    }
}
