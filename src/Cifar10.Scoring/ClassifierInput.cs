using Microsoft.ML.Data;

namespace Cifar10.Scoring;

/// <summary>One image to score, and an empty label for models whose pipeline maps one.</summary>
internal sealed class ClassifierInput
{
    public MLImage? Image { get; set; }
    public string Label { get; set; } = "";
}
