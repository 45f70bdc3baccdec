using Cifar10.Core;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Experiments;

/// <summary>One protocol applied to several models and seeds.</summary>
public sealed record ExperimentOptions
{
    /// <summary>Model ids, e.g. dense, cnn-3x3, cnn-5x5.</summary>
    public IReadOnlyList<string> Models { get; init; } = ModelZoo.StudyModels;
    /// <summary>Seeds per model; seeds are <see cref="BaseSeed"/>, +1, +2…</summary>
    public int Seeds { get; init; } = 1;
    /// <summary>First seed.</summary>
    public int BaseSeed { get; init; } = 42;
    /// <summary>The training protocol (its seed is replaced per run).</summary>
    public TrainingOptions Protocol { get; init; } = new();
    /// <summary>The options for the fast networks (<c>fast</c>, <c>fast-half</c>): the fast recipe (its seed is replaced per run).</summary>
    public TrainingOptions FastProtocol { get; init; } = TrainingRecipes.Fast.Options;
    /// <summary>Input scaling of the fast networks.</summary>
    public string FastNormalize { get; init; } = TrainingRecipes.Fast.Normalize;

    /// <summary>The options and scaling a model trains with in this experiment.</summary>
    public (TrainingOptions Options, string Normalize) ProtocolFor(string model) =>
        UsesFastRecipe(model) ? (FastProtocol, FastNormalize) : (Protocol, Normalize);

    /// <summary>Whether a model trains with the fast recipe rather than the study's protocol.</summary>
    public static bool UsesFastRecipe(string model) => TrainingRecipes.ForModel(model) == TrainingRecipes.Fast;

    /// <summary>Use only the first N training images.</summary>
    public int? TrainLimit { get; init; }
    /// <summary>Evaluate on only the first N test images (quick runs).</summary>
    public int? TestLimit { get; init; }
    /// <summary>Input scaling: unit or standardize.</summary>
    public string Normalize { get; init; } = "unit";
    /// <summary>Where the experiment folder goes.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Training device.</summary>
    public Device Device { get; init; } = CPU;
    /// <summary>Run the scaling diagnosis for the 5×5 question.</summary>
    public bool Diagnose { get; init; } = true;

    /// <summary>Continue interrupted runs from their checkpoints; finished runs are evaluated again, not retrained.</summary>
    public bool Resume { get; init; }

    /// <summary>Written when an experiment starts, so <c>--resume</c> can find it.</summary>
    public const string OptionsFile = "experiment.json";

    /// <summary>The seeds every model is trained with.</summary>
    public IReadOnlyList<int> SeedList => Enumerable.Range(BaseSeed, Seeds).ToArray();

    /// <summary>Checks options and resolves model ids (one-line errors).</summary>
    public IReadOnlyList<ModelDefinition> Validate()
    {
        if (Seeds <= 0) throw new CifarException($"--seeds {Seeds}: must be a positive number.");
        if (Models.Count == 0) throw new CifarException("--models: name at least one model.");
        if (Models.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Models.Count) throw new CifarException("--models: a model is listed twice.");
        Protocol.Validate();
        FastProtocol.Validate();
        return Models.Select(ModelZoo.Get).ToArray();
    }
}
