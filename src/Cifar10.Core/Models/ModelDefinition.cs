using System.Text.Json.Serialization;
using System.Globalization;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// A sequential architecture with shapes inferred layer to layer. One definition drives the
/// TorchSharp module, the summary, the parameter and FLOP counts and the ONNX export. In JSON (a
/// run's <c>model.json</c>) it is its id, description, input shape and layer specs, as Keras stores a
/// model's config, so any definition — built-in or built with <see cref="SequentialBuilder"/> — reloads.
/// </summary>
[JsonConverter(typeof(ModelDefinitionJsonConverter))]
public sealed class ModelDefinition
{
    internal ModelDefinition(string id, string description, Shape input, IReadOnlyList<ResolvedLayer> layers)
    {
        Id = id;
        Description = description;
        Input = input;
        Layers = layers;
    }

    /// <summary>Zoo id, e.g. <c>cnn-3x3</c>.</summary>
    public string Id { get; }
    /// <summary>One line for people.</summary>
    public string Description { get; }
    /// <summary>Shape of one input example.</summary>
    public Shape Input { get; }
    /// <summary>The layers in order.</summary>
    public IReadOnlyList<ResolvedLayer> Layers { get; }
    /// <summary>Shape of one output example.</summary>
    public Shape Output => Layers[^1].Output;
    /// <summary>Parameters the optimizer trains.</summary>
    public long TrainableParameters => Layers.Sum(l => l.TrainableParameters);
    /// <summary>BatchNorm running statistics (Keras counts them as non-trainable parameters).</summary>
    public long NonTrainableParameters => Layers.Sum(l => l.NonTrainableParameters);
    /// <summary>Total as Keras' summary reports it.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;
    /// <summary>Multiply-adds of one forward pass of one image.</summary>
    public long MultiplyAdds => Layers.Sum(l => l.MultiplyAdds);
    /// <summary>FLOPs of one forward pass of one image (2 per multiply-add).</summary>
    public long ForwardFlops => 2 * MultiplyAdds;
    /// <summary>Approximate FLOPs of one training step per image: forward + backward ≈ 3× forward.</summary>
    public long TrainingFlops => 3 * ForwardFlops;

    /// <summary>Creates a freshly initialised TorchSharp module (seed torch first for repeatability).</summary>
    public nn.Module<Tensor, Tensor> CreateModule()
    {
        var modules = Layers.Select(l => (l.Name, l.Spec.CreateModule(l.Input))).ToArray();
        return nn.Sequential(modules);
    }

    /// <summary>A Keras-like summary table: layer (type), output shape, parameters, and the totals.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = Layers.Select(l => (Layer: $"{l.Name} ({l.Spec.Kind})", Shape: l.Output.ToString(), Params: l.Parameters.ToString("N0", c))).ToList();
        int w1 = Math.Max(28, rows.Max(r => r.Layer.Length) + 2), w2 = Math.Max(22, rows.Max(r => r.Shape.Length) + 2), w3 = 12;
        var rule = new string('─', w1 + w2 + w3);
        var text = new StringBuilder();
        text.AppendLine($"Model: \"{Id}\" — {Description}");
        text.AppendLine(rule);
        text.AppendLine("Layer (type)".PadRight(w1) + "Output Shape".PadRight(w2) + "Param #".PadLeft(w3));
        text.AppendLine(rule);
        foreach (var r in rows) text.AppendLine(r.Layer.PadRight(w1) + r.Shape.PadRight(w2) + r.Params.PadLeft(w3));
        text.AppendLine(rule);
        text.AppendLine($"Total params: {TotalParameters.ToString("N0", c)}");
        text.AppendLine($"Trainable params: {TrainableParameters.ToString("N0", c)}");
        text.AppendLine($"Non-trainable params: {NonTrainableParameters.ToString("N0", c)}");
        text.AppendLine($"Forward multiply-adds per image: {MultiplyAdds.ToString("N0", c)} ({ForwardFlops / 1e6:F1} MFLOP)");
        return text.ToString();
    }
}
