using System.Globalization;
using System.Reflection;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// The settings a checkpoint was made with, as name → text: the recipe's, the seed, and the caller's run
/// settings (the model, the data limits). A resumed run must use the same ones, or it would silently
/// mix two trainings in one history; only <c>Epochs</c> may change, to stop sooner or go on longer.
/// Names are the library's (<c>BatchSize</c>, <c>TrainLimit</c>), so a host can show its own.
/// </summary>
internal static class CheckpointSettings
{
    /// <summary>Everything but <c>Epochs</c> that decides how the run trains.</summary>
    public static Dictionary<string, string> Of(TrainingRecipe recipe, int seed, IReadOnlyDictionary<string, object?>? runSettings)
    {
        var settings = new Dictionary<string, string> { ["Recipe"] = recipe.Name, ["Seed"] = Text(seed) };
        foreach (var property in recipe.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.Name is not (nameof(TrainingRecipe.Epochs) or nameof(TrainingRecipe.Name)) && IsScalar(property.PropertyType))
                settings[property.Name] = Text(property.GetValue(recipe));
        foreach (var (name, value) in runSettings ?? new Dictionary<string, object?>()) settings[name] = Text(value);
        return settings;
    }

    /// <summary>Throws an <see cref="InvalidSettingException"/> naming the first setting whose value differs from the checkpoint's, with both values.</summary>
    public static void RequireSame(IReadOnlyDictionary<string, string>? saved, IReadOnlyDictionary<string, string> current, string checkpointPath)
    {
        if (saved is null) return; // checkpoints from before the settings were recorded hold only the seed, checked on its own
        foreach (var (name, value) in current)
            if (saved.TryGetValue(name, out var was) && was != value)
                throw new InvalidSettingException(name, value,
                    $"the run being resumed ({checkpointPath}) was trained with {was}; only the number of epochs may change when resuming.");
    }

    /// <summary>A setting's value as the checkpoint records it (invariant numbers, enum names as the command line spells them).</summary>
    public static string Text(object? value) => value switch
    {
        null => "(none)",
        Enum e => EnumNames.Of(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static bool IsScalar(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string);
}
