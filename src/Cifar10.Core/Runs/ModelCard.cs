using Cifar10.Core.Data;

namespace Cifar10.Core.Runs;

/// <summary>
/// <c>model.json</c>: everything needed to rebuild, score and describe a trained model
/// (architecture id, kernel, input scaling, class names, seed, data split, versions, metrics).
/// Read and written by <see cref="RunFolder"/>.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The architecture's id, e.g. <c>cnn-3x3</c>.</summary>
    public required string Architecture { get; init; }
    /// <summary>The layers, so the model reloads without the zoo (null in cards written before it was recorded: the zoo's <see cref="Architecture"/> at 32×32, 10 classes).</summary>
    public Models.ModelDefinition? Definition { get; init; }
    /// <summary>Convolution kernel size (null for the dense model).</summary>
    public int? Kernel { get; init; }
    /// <summary>How pixels are scaled before the first layer.</summary>
    public required InputScaling InputScaling { get; init; }
    /// <summary>Class names in label order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }
    /// <summary>The run's seed.</summary>
    public int Seed { get; init; }
    /// <summary>The data split used for training.</summary>
    public DataSplitInfo? Split { get; init; }
    /// <summary>Trainable + non-trainable parameters (Keras' count).</summary>
    public long TotalParameters { get; init; }
    /// <summary>Trainable parameters.</summary>
    public long TrainableParameters { get; init; }
    /// <summary>Test accuracy measured after training (0–1).</summary>
    public double? TestAccuracy { get; init; }
    /// <summary>Test cross-entropy measured after training.</summary>
    public double? TestLoss { get; init; }
    /// <summary>
    /// The views whose mean probabilities <see cref="TestAccuracy"/> and <see cref="TestLoss"/> were measured with
    /// (the recipe's test-time augmentation); null for one view per image, and in cards written before it was recorded.
    /// </summary>
    public Training.TestTimeAugmentation? EvaluationViews { get; init; }
    /// <summary>Test accuracy with one view per image, when <see cref="EvaluationViews"/> has more (what <c>model.onnx</c> scores).</summary>
    public double? SingleViewTestAccuracy { get; init; }
    /// <summary>Library versions that produced the model.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = VersionInfo.Current();
    /// <summary>When the model was written (UTC).</summary>
    public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
}
