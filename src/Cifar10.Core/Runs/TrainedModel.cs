using Cifar10.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Runs;

/// <summary>A model rebuilt from a run folder: its card, its definition and its weights.</summary>
public sealed class TrainedModel(ModelCard card, ModelDefinition definition, nn.Module<Tensor, Tensor> module) : IDisposable
{
    /// <summary>The weights file in a run folder.</summary>
    public const string WeightsFile = "model.bin";
    /// <summary>The model card in a run folder.</summary>
    public const string CardFile = "model.json";

    /// <summary>What <c>model.json</c> says.</summary>
    public ModelCard Card { get; } = card;
    /// <summary>The architecture.</summary>
    public ModelDefinition Definition { get; } = definition;
    /// <summary>The TorchSharp module with trained weights, in eval mode.</summary>
    public nn.Module<Tensor, Tensor> Module { get; } = module;

    /// <summary>Saves weights and card into <paramref name="directory"/> (each file atomically).</summary>
    public static void Save(string directory, nn.Module<Tensor, Tensor> module, ModelCard card)
    {
        AtomicFile.Write(Path.Combine(directory, WeightsFile), temp => module.save(temp));
        card.Write(Path.Combine(directory, CardFile));
    }

    /// <summary>Loads a run folder; a missing, corrupt or mismatched <c>model.bin</c> gives a one-line error.</summary>
    public static TrainedModel Load(string directory, Device? device = null)
    {
        if (!Directory.Exists(directory))
            throw new CifarException($"{directory}: run folder does not exist.");
        var card = ModelCard.Read(Path.Combine(directory, CardFile));
        var definition = ModelZoo.Get(card.Architecture);
        var weights = Path.Combine(directory, WeightsFile);
        if (!File.Exists(weights))
            throw new CifarException($"{weights}: file is missing.");
        var module = definition.CreateModule();
        try
        {
            module.load(weights, strict: true);
        }
        catch (Exception e) when (e is not CifarException)
        {
            module.Dispose();
            throw new CifarException($"{weights}: cannot be loaded as {card.Architecture} weights ({FirstLine(e.Message)}).");
        }
        if (device is not null) module.to(device);
        module.eval();
        return new TrainedModel(card, definition, module);
    }

    static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
