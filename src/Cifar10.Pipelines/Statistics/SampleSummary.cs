using System.Globalization;

namespace Cifar10.Pipelines.Statistics;

/// <summary>Mean, sample standard deviation and count of a few numbers (e.g. one metric over seeds).</summary>
public sealed record SampleSummary(double Mean, double Std, int Count)
{
    /// <summary>Summarises values; the standard deviation uses n − 1 and is 0 for one value.</summary>
    public static SampleSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values");
        var mean = values.Average();
        var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new SampleSummary(mean, std, values.Count);
    }

    /// <summary>"mean ± std" with <paramref name="decimals"/> decimals (the std left out for one value); with <paramref name="percent"/>, fractions shown as percentages: "74.07 ± 0.40 %".</summary>
    public string Format(int decimals, bool percent = false)
    {
        var scale = percent ? 100 : 1;
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        var text = (scale * Mean).ToString(format, CultureInfo.InvariantCulture);
        if (Count > 1) text += " ± " + (scale * Std).ToString(format, CultureInfo.InvariantCulture);
        return percent ? text + " %" : text;
    }
}
