using Cifar10.Core;
using Cifar10.Core.Models;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Experiments;

/// <summary>Several models, each with its recipe, trained with several seeds on one data split.</summary>
public sealed record ExperimentOptions
{
    /// <summary>The models and their recipes (default: the study's dense, cnn-3x3 and cnn-5x5 with the study recipe).</summary>
    public IReadOnlyList<ExperimentModel> Models { get; init; } = ExperimentModel.FromZoo(ModelZoo.StudyModels);
    /// <summary>Seeds per model; seeds are <see cref="BaseSeed"/>, +1, +2…</summary>
    public int Seeds { get; init; } = 1;
    /// <summary>First seed.</summary>
    public int BaseSeed { get; init; } = 42;
    /// <summary>Use only the first N training images.</summary>
    public int? TrainLimit { get; init; }
    /// <summary>Evaluate on only the first N test images (quick runs).</summary>
    public int? TestLimit { get; init; }
    /// <summary>Where the experiment folder goes.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Training device.</summary>
    public Device Device { get; init; } = CPU;
    /// <summary>Evaluate each model's first seed on wrongly scaled inputs (see <see cref="ScalingDiagnosis"/>).</summary>
    public bool Diagnose { get; init; } = true;
    /// <summary>Continue interrupted runs from their checkpoints; finished runs are evaluated again, not retrained.</summary>
    public bool Resume { get; init; }

    /// <summary>Written when an experiment starts, so a resumed experiment can be found.</summary>
    public const string OptionsFile = "experiment.json";

    /// <summary>The seeds every model is trained with.</summary>
    public IReadOnlyList<int> SeedList => Enumerable.Range(BaseSeed, Seeds).ToArray();

    /// <summary>Throws an <see cref="InvalidSettingException"/> naming the first bad setting; returns the options.</summary>
    public ExperimentOptions Validate()
    {
        InvalidSettingException.RequirePositive(nameof(Seeds), Seeds);
        if (Models.Count == 0) throw new InvalidSettingException(nameof(Models), "(none)", "name at least one model.");
        if (Models.Select(m => m.Definition.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Models.Count)
            throw new InvalidSettingException(nameof(Models), string.Join(",", Models.Select(m => m.Definition.Id)), "a model is listed twice.");
        if (TrainLimit is int train) InvalidSettingException.RequirePositive(nameof(TrainLimit), train);
        if (TestLimit is int test) InvalidSettingException.RequirePositive(nameof(TestLimit), test);
        foreach (var model in Models) model.Recipe.Validate();
        return this;
    }
}
