using Cifar10.Core.Models;
using static TorchSharp.torch;

namespace Cifar10.Core.Runs;

/// <summary>A trained model: its card, its definition and its weights (read from a run folder with <see cref="RunFolder.LoadModel"/>).</summary>
public sealed class TrainedModel(ModelCard card, ModelDefinition definition, nn.Module<Tensor, Tensor> module) : IDisposable
{
    /// <summary>What <c>model.json</c> says.</summary>
    public ModelCard Card { get; } = card;
    /// <summary>The architecture.</summary>
    public ModelDefinition Definition { get; } = definition;
    /// <summary>The TorchSharp module with trained weights.</summary>
    public nn.Module<Tensor, Tensor> Module { get; } = module;

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
