using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Cifar10.Cli;

/// <summary>
/// Says in plain words which option got a value of the wrong kind. Spectre.Console.Cli reports
/// <c>--epochs abc</c> as "Failed to convert 'abc' to Nullable`1", naming neither the option nor what it
/// takes; this finds the option among the arguments and names the kind of value it expects.
/// </summary>
internal static partial class OptionValueErrors
{
    /// <summary>"--epochs expects a whole number, got 'abc'." for a conversion failure, else null (the exception's own message stands).</summary>
    public static string? Describe(CommandRuntimeException exception, IReadOnlyList<string> args)
    {
        if (exception.InnerException is not ArgumentException { InnerException: FormatException or OverflowException } conversion) return null;
        var value = FailedValue().Match(exception.Message);
        var type = TargetType().Match(conversion.Message);
        if (!value.Success || !type.Success) return null;
        var text = value.Groups[1].Value;
        var option = OptionOf(text, args);
        if (option is null) return null;
        return conversion.InnerException is OverflowException && type.Groups[1].Value == nameof(Int32)
            ? $"{option} {text}: too large; at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)}."
            : $"{option} expects {KindOf(type.Groups[1].Value)}, got '{text}'.";
    }

    // The option is the argument before the value (--epochs abc), or the value's own prefix (--epochs=abc).
    static string? OptionOf(string value, IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-')) return args[i - 1];
            if (args[i].StartsWith('-') && (args[i].EndsWith($"={value}", StringComparison.Ordinal) || args[i].EndsWith($":{value}", StringComparison.Ordinal)))
                return args[i][..^(value.Length + 1)];
        }
        return null;
    }

    static string KindOf(string type) => type switch
    {
        "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" => "a whole number",
        "Single" or "Double" or "Decimal" => "a number",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex("^Failed to convert '(.*)' to ")]
    private static partial Regex FailedValue();

    [GeneratedRegex(@"is not a valid value for (\w+)\.")]
    private static partial Regex TargetType();
}
