namespace Cifar10.Core.Models;

/// <summary>A layer placed in a model: its name, spec, shapes and counts.</summary>
public sealed record ResolvedLayer(string Name, LayerSpec Spec, Shape Input, Shape Output)
{
    /// <summary>Trained parameters.</summary>
    public long TrainableParameters => Spec.TrainableParameters(Input);
    /// <summary>Non-trained state counted as parameters (BatchNorm statistics).</summary>
    public long NonTrainableParameters => Spec.NonTrainableParameters(Input);
    /// <summary>All parameters, as Keras' summary counts them.</summary>
    public long Parameters => TrainableParameters + NonTrainableParameters;
    /// <summary>Multiply-adds of one forward pass of one example.</summary>
    public long MultiplyAdds => Spec.MultiplyAdds(Input);
}
