using Cifar10.Core.Models;
using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Experiments;

/// <summary>A network in an experiment and the recipe it trains with.</summary>
public sealed record ExperimentModel(ModelDefinition Definition, TrainingRecipe Recipe)
{
    /// <summary>The zoo model <paramref name="id"/> with its default recipe, changed by <paramref name="customize"/> when given (e.g. fewer epochs).</summary>
    public static ExperimentModel FromZoo(string id, Func<TrainingRecipe, TrainingRecipe>? customize = null)
    {
        var recipe = ModelZoo.DefaultRecipe(id);
        return new(ModelZoo.Get(id), customize is null ? recipe : customize(recipe));
    }

    /// <summary>The zoo models <paramref name="ids"/>, each with its default recipe changed by <paramref name="customize"/>.</summary>
    public static IReadOnlyList<ExperimentModel> FromZoo(IEnumerable<string> ids, Func<TrainingRecipe, TrainingRecipe>? customize = null) =>
        ids.Select(id => FromZoo(id, customize)).ToArray();
}
