using Cifar10.Core.Models;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// One cell of the suite: a zoo model trained on <see cref="TrainImages"/> images, on the original
/// images or on pixel-permuted ones. Its name (<see cref="NameFor"/>) is its folder in the suite's folder.
/// </summary>
public sealed record SuiteCell(string Model, int TrainImages, bool Permuted = false)
{
    /// <summary>The reference every cell is compared with.</summary>
    public const string ReferenceModel = "cnn-3x3";

    /// <summary>The model id, then <c>-permuted</c> and the training-set size when they differ from the suite's base cells.</summary>
    public string NameFor(int baseTrainImages) =>
        Model + (Permuted ? "-permuted" : "") + (TrainImages == baseTrainImages ? "" : $"-{TrainImages / 1000.0:0.#}k");

    /// <summary>The cell's network for CIFAR-10.</summary>
    public ModelDefinition Definition => ModelZoo.Get(Model);
}
