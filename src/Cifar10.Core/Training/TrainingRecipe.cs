using Cifar10.Core.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// How a network is trained, in one place: the settings every recipe has (epochs, batch size,
/// learning rate, validation share, input scaling, precision, label smoothing), and what each
/// recipe builds from its own: the optimizer, the callbacks that schedule the learning rate or
/// stop early, the augmentation and the views averaged at evaluation. Change a setting with
/// <c>with</c>: <c>TrainingRecipes.Study with { Epochs = 5 }</c>.
/// </summary>
public abstract record TrainingRecipe
{
    /// <summary>The recipe's name (<c>study</c>, <c>fast</c>).</summary>
    public abstract string Name { get; }
    /// <summary>Epochs to train (at most, when a callback may stop earlier).</summary>
    public int Epochs { get; init; }
    /// <summary>Images per optimizer step.</summary>
    public int BatchSize { get; init; }
    /// <summary>The initial (or peak) learning rate.</summary>
    public double LearningRate { get; init; }
    /// <summary>Share of each class held out of training for validation.</summary>
    public double ValidationFraction { get; init; }
    /// <summary>How pixels are scaled before the first layer.</summary>
    public InputScalingKind InputScaling { get; init; }
    /// <summary>Arithmetic of the training passes; evaluation is always float32, as the exported model runs.</summary>
    public TrainingPrecision Precision { get; init; }
    /// <summary>Label smoothing of the cross-entropy targets (0: none).</summary>
    public double LabelSmoothing { get; init; }
    /// <summary>Images per batch when evaluating (no gradients, so larger is faster).</summary>
    public int EvaluationBatchSize { get; init; } = 256;

    /// <summary>The views of each image averaged at evaluation (validation, test, the run's reported accuracy).</summary>
    public virtual TestTimeAugmentation EvaluationViews => TestTimeAugmentation.None;

    /// <summary>The optimizer over the parameters of <paramref name="model"/> that train.</summary>
    public abstract TrainingOptimizer CreateOptimizer(nn.Module model);

    /// <summary>The recipe's own callbacks (learning-rate schedule, early stopping, weight averaging), fresh for one run.</summary>
    public abstract IReadOnlyList<ITrainingCallback> CreateCallbacks();

    /// <summary>The augmentation applied to each training batch, or null for none.</summary>
    public virtual BatchAugmenter? CreateAugmenter(int seed) => null;

    /// <summary>One sentence for people: what the recipe does.</summary>
    public abstract string Describe();

    /// <summary>Throws an <see cref="InvalidSettingException"/> naming the first bad setting; returns the recipe.</summary>
    public virtual TrainingRecipe Validate()
    {
        InvalidSettingException.RequirePositive(nameof(Epochs), Epochs);
        InvalidSettingException.RequirePositive(nameof(BatchSize), BatchSize);
        InvalidSettingException.RequirePositive(nameof(LearningRate), LearningRate);
        InvalidSettingException.RequirePositive(nameof(EvaluationBatchSize), EvaluationBatchSize);
        InvalidSettingException.RequireInRange(nameof(ValidationFraction), ValidationFraction, 0, 1, lowInclusive: false, highInclusive: false);
        InvalidSettingException.RequireInRange(nameof(LabelSmoothing), LabelSmoothing, 0, 1, lowInclusive: true, highInclusive: false);
        if (!Enum.IsDefined(InputScaling)) throw new InvalidSettingException(nameof(InputScaling), InputScaling, "is not an input scaling.");
        if (!Enum.IsDefined(Precision)) throw new InvalidSettingException(nameof(Precision), Precision, "is not a precision.");
        return this;
    }

    /// <summary>The parameters that train (a frozen BatchNorm scale is left out).</summary>
    protected static List<Parameter> Trainable(nn.Module model) => model.parameters().Where(p => p.requires_grad).ToList();
}
