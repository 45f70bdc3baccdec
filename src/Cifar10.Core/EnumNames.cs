using System.Reflection;
using System.Text.Json.Serialization;

namespace Cifar10.Core;

/// <summary>
/// The names of an enum's values as files, ONNX metadata and the command line write them (their
/// <see cref="JsonStringEnumMemberNameAttribute"/>), so each value has one name everywhere.
/// </summary>
public static class EnumNames
{
    /// <summary>The name of <paramref name="value"/>, e.g. <c>bf16</c> for <c>TrainingPrecision.BFloat16</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Of((Enum)value);

    /// <summary>The name of <paramref name="value"/>, for an enum known only at run time.</summary>
    public static string Of(Enum value) =>
        value.GetType().GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString().ToLowerInvariant();

    /// <summary>Every value's name, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    /// <summary>The value named <paramref name="name"/> (case-insensitive), or an <see cref="InvalidSettingException"/> for <paramref name="setting"/>.</summary>
    public static T Parse<T>(string? name, string setting) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Of(v!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidSettingException(setting, name, $"expected {string.Join(", ", All<T>().SkipLast(1))} or {All<T>()[^1]}.");
}
