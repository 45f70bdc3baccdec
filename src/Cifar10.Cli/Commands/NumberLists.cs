using System.Globalization;
using Cifar10.Core;

namespace Cifar10.Cli.Commands;

/// <summary>Lists of whole numbers on the command line: <c>0,2,4</c>, ranges <c>0-8</c>, or both (<c>0-4,8</c>).</summary>
internal static class NumberLists
{
    /// <summary>The numbers of <paramref name="text"/> in the order given, duplicates dropped; <paramref name="setting"/> names the option in errors.</summary>
    public static IReadOnlyList<int> Parse(string text, string setting)
    {
        var numbers = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = item.Split('-', 2);
            if (!int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || bounds.Length == 2 && !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new InvalidSettingException(setting, text, $"'{item}' is not a whole number or a range such as 0-8.");
            var last = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            if (last < first) throw new InvalidSettingException(setting, text, $"the range '{item}' runs backwards.");
            for (var n = first; n <= last; n++)
                if (!numbers.Contains(n)) numbers.Add(n);
        }
        if (numbers.Count == 0) throw new InvalidSettingException(setting, text, "name at least one number.");
        return numbers;
    }
}
