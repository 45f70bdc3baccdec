namespace Cifar10.Core.Training;

/// <summary>The built-in recipes, by name.</summary>
public static class TrainingRecipes
{
    /// <summary>The original study's Keras protocol.</summary>
    public static StudyRecipe Study { get; } = new();

    /// <summary>The fast recipe, after airbench94.</summary>
    public static FastRecipe Fast { get; } = new();

    /// <summary>airbench94's published settings for its network, <c>fast-whitened</c> (see <see cref="FastRecipe"/>).</summary>
    public static FastRecipe Airbench94 { get; } = FastRecipe.Airbench94();

    /// <summary>Every built-in recipe.</summary>
    public static IReadOnlyList<TrainingRecipe> All { get; } = [Study, Fast, Airbench94];

    /// <summary>The recipe named <paramref name="name"/> (case-insensitive); an <see cref="InvalidSettingException"/> for unknown names.</summary>
    public static TrainingRecipe Get(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidSettingException("Recipe", name, $"expected {string.Join(", ", All.SkipLast(1).Select(r => r.Name))} or {All[^1].Name}.");
}
