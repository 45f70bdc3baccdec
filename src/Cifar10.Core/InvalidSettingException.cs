namespace Cifar10.Core;

/// <summary>
/// A setting with a value it cannot take. <see cref="Setting"/> is the library's name for it (a
/// property name such as <c>Epochs</c>), so a host can show the user its own name for the same
/// setting (the CLI shows its flag).
/// </summary>
public sealed class InvalidSettingException(string setting, object? value, string problem)
    : CifarException($"{setting} {Display(value)}: {problem}")
{
    /// <summary>The library's name of the setting, e.g. <c>Epochs</c>.</summary>
    public string Setting { get; } = setting;
    /// <summary>The value that was refused, as text.</summary>
    public string Value { get; } = Display(value);
    /// <summary>What is wrong with it, e.g. <c>must be a positive number.</c></summary>
    public string Problem { get; } = problem;

    static string Display(object? value) => value switch
    {
        null => "(none)",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Throws unless <paramref name="value"/> is positive.</summary>
    public static void RequirePositive(string setting, int value)
    {
        if (value <= 0) throw new InvalidSettingException(setting, value, "must be a positive number.");
    }

    /// <summary>Throws unless <paramref name="value"/> is positive and finite.</summary>
    public static void RequirePositive(string setting, double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new InvalidSettingException(setting, value, "must be a positive number.");
    }

    /// <summary>Throws when <paramref name="value"/> is negative.</summary>
    public static void RequireNotNegative(string setting, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value)) throw new InvalidSettingException(setting, value, "must not be negative.");
    }

    /// <summary>Throws unless <paramref name="value"/> lies in the interval given (each end open or closed).</summary>
    public static void RequireInRange(string setting, double value, double low, double high, bool lowInclusive, bool highInclusive)
    {
        var ok = (lowInclusive ? value >= low : value > low) && (highInclusive ? value <= high : value < high);
        if (!ok) throw new InvalidSettingException(setting, value, $"must be in {(lowInclusive ? "[" : "(")}{low}, {high}{(highInclusive ? "]" : ")")}.");
    }
}
