using Cifar10.Core.Data;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>Finds and reads CIFAR-10 with a status line (and a download bar when it must download).</summary>
internal static class DataLoading
{
    public static ImageDataset Load(string? explicitDirectory)
    {
        var directory = Locate(explicitDirectory);
        return AnsiConsole.Status().Start($"Reading CIFAR-10 from {Markup.Escape(directory)}…", _ => CifarBinaryReader.ReadDataset(directory));
    }

    /// <summary>Only the official test batch (10,000 images), for commands that never train.</summary>
    public static LabeledImages LoadTest(string? explicitDirectory)
    {
        var directory = Locate(explicitDirectory);
        return AnsiConsole.Status().Start($"Reading the CIFAR-10 test batch from {Markup.Escape(directory)}…",
            _ => CifarBinaryReader.ReadFiles([Path.Combine(directory, CifarBinaryReader.TestFile)]));
    }

    static string Locate(string? explicitDirectory)
    {
        var locator = new CifarDataLocator
        {
            DownloadProgress = new Progress<(long Received, long? Total)>(p =>
                AnsiConsole.MarkupLine($"[grey]downloading: {p.Received / 1_048_576.0:F1} MiB{(p.Total is long t ? $" of {t / 1_048_576.0:F1} MiB" : "")}[/]")),
        };
        return locator.Locate(explicitDirectory);
    }
}
