using Cifar10.Pipelines.Eda;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>Prints the EDA numbers: images per class and split, then per-channel pixel statistics.</summary>
internal static class EdaTables
{
    public static void Show(EdaStatistics statistics)
    {
        var counts = new Table().Title("Images per class").AddColumn("class");
        foreach (var split in statistics.Splits) counts.AddColumn(new TableColumn(split.Split).RightAligned());
        foreach (var name in statistics.ClassNames)
            counts.AddRow([Markup.Escape(name), .. statistics.Splits.Select(s => $"{s.PerClass[name]:N0}")]);
        counts.AddRow(["[bold]total[/]", .. statistics.Splits.Select(s => $"[bold]{s.Total:N0}[/]")]);
        AnsiConsole.Write(counts);

        var channels = new Table().Title("Pixel statistics (official training images)").AddColumn("channel");
        foreach (var header in new[] { "mean (0–255)", "std (0–255)", "mean (0–1)", "std (0–1)" })
            channels.AddColumn(new TableColumn(header).RightAligned());
        foreach (var c in statistics.Channels)
            channels.AddRow(c.Channel, $"{c.Mean:F2}", $"{c.Std:F2}", $"{c.MeanUnit:F4}", $"{c.StdUnit:F4}");
        AnsiConsole.Write(channels);
    }
}
