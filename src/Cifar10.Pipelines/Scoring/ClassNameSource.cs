using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;

namespace Cifar10.Pipelines.Scoring;

/// <summary>Where an exported model's class names come from: the run's <c>model.json</c> beside it, else CIFAR-10's.</summary>
internal static class ClassNameSource
{
    /// <summary>The model card beside <paramref name="onnxPath"/>, or null when there is none.</summary>
    public static ModelCard? ReadCardBeside(string onnxPath)
    {
        var folder = new RunFolder(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!);
        return File.Exists(folder.CardPath) ? folder.ReadCard() : null;
    }

    /// <summary>Class names for a model with <paramref name="classes"/> outputs; a card that disagrees is an error.</summary>
    public static IReadOnlyList<string> Resolve(ModelCard? card, int classes, string modelName)
    {
        var names = card?.ClassNames ?? CifarClasses.Names;
        if (names.Count != classes)
            throw new CifarException($"{modelName}: the model outputs {classes} probabilities but {(card is null ? "CIFAR-10 has" : "model.json names")} {names.Count} classes.");
        return names;
    }
}
