namespace Cifar10.Serving.Tests;

/// <summary>Reads a sample out of the Prometheus text that <c>/metrics</c> serves.</summary>
internal static class PrometheusText
{
    /// <summary>The value of the first sample of <paramref name="name"/> whose line has every one of <paramref name="labels"/>; 0 when there is none.</summary>
    public static double Sample(string exposition, string name, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{") || line.StartsWith(name + " "))
            .Where(line => labels.All(line.Contains))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
