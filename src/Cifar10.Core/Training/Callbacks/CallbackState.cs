using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>What a <see cref="ICheckpointedCallback"/> keeps across an interruption: numbers and named tensors.</summary>
public sealed record CallbackState(IReadOnlyDictionary<string, double> Numbers, IReadOnlyDictionary<string, Tensor> Tensors)
{
    /// <summary>A state of numbers only.</summary>
    public CallbackState(IReadOnlyDictionary<string, double> numbers) : this(numbers, new Dictionary<string, Tensor>()) { }
}
