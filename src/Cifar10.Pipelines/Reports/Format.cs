using System.Globalization;
using Cifar10.Pipelines.Statistics;

namespace Cifar10.Pipelines.Reports;

/// <summary>Number formats shared by the report and the console tables.</summary>
internal static class Format
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>0.7407 → "74.07 %".</summary>
    public static string Percent(double fraction) => (100 * fraction).ToString("F2", C) + " %";
    /// <summary>Percentage points: 0.0123 → "+1.23 pp".</summary>
    public static string Points(double fraction) => (100 * fraction).ToString("+0.00;−0.00;0.00", C) + " pp";
    /// <summary>Mean ± std of a fraction, in percent (std omitted for one seed).</summary>
    public static string PercentSummary(SampleSummary s) => s.Format(2, percent: true);
    /// <summary>Mean ± std with a fixed number of decimals.</summary>
    public static string Summary(SampleSummary s, int decimals) => s.Format(decimals);
    /// <summary>Integer with thousands separators.</summary>
    public static string Count(long n) => n.ToString("N0", C);
    /// <summary>A number with the given decimals.</summary>
    public static string Number(double value, int decimals) => value.ToString("F" + decimals, C);
}
