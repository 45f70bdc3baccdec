using Cifar10.Pipelines.Benchmarks;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>Prints a bench: training, inference and the issue's targets.</summary>
internal static class BenchTables
{
    public static void Show(BenchResults r)
    {
        AnsiConsole.MarkupLine($"fp32 matmul {r.Matmul.Size}³ × {r.Matmul.Repeats}: [bold]{r.Matmul.Gflops:F1} GFLOP/s[/] (peak); {r.Machine.Cores} cores, libtorch threads {r.Machine.TorchThreads}{(r.Quick ? ", quick profile" : "")}");

        var training = Table($"Training, batch {r.Training.FirstOrDefault()?.BatchSize} (images/s)", "model", "raw loop", "Trainer", "Trainer ÷ raw", "MFLOP/image", "raw GFLOP/s", "Trainer GFLOP/s", "% of peak");
        foreach (var t in r.Training)
            training.AddRow(t.Model, $"{t.RawImagesPerSecond:N0}", $"{t.TrainerImagesPerSecond:N0}", $"{t.TrainerRatio:F3}", $"{t.FlopsPerImage / 1e6:F1}",
                $"{t.RawGflops:F1}", $"{t.TrainerGflops:F1}", $"{t.TrainerGflops / r.Matmul.Gflops:P1}");
        AnsiConsole.Write(training);
        if (r.Precision is { } p)
            AnsiConsole.MarkupLine($"Trainer, {p.Model} at batch {p.BatchSize}: fp32 {p.Float32ImagesPerSecond:N0} images/s, " + (p.BFloat16ImagesPerSecond is { } bf16
                ? $"bf16 mixed precision {bf16:N0} images/s ([bold]{p.BFloat16Speedup:F2}×[/])"
                : "bf16 not measured (this CPU has no native bfloat16)"));
        if (r.BatchSizes is { Rows.Count: > 0 } b)
            AnsiConsole.MarkupLine($"Trainer, {b.Model} ({Cifar10.Core.EnumNames.Of(b.Precision)}) on {b.Images:N0} images, images/s by batch size: " +
                string.Join(", ", b.Rows.Select(row => $"{row.BatchSize}: [bold]{row.ImagesPerSecond:N0}[/]")));
        if (r.Folder is { } f)
            AnsiConsole.MarkupLine($"Training {f.Model} on {f.Images:N0} images: from PNG files through ConvNet {f.FolderImagesPerSecond:N0} images/s, from the binary files {f.BinaryImagesPerSecond:N0} images/s ([bold]{f.Ratio:F3}×[/]); the whole one-epoch Fit from files {f.FolderFitSeconds:F1} s");

        var inference = Table($"Inference on {r.Inference.FirstOrDefault()?.Images:N0} test images (images/s; latency one image)", "model", "TorchSharp", "ORT default", "ORT tuned", "ML.NET", "ORT ÷ Torch", "ML.NET ÷ Torch", "p50 ms", "p99 ms");
        foreach (var i in r.Inference)
            inference.AddRow(i.Model, $"{i.TorchImagesPerSecond:N0}", $"{i.OrtDefaultImagesPerSecond:N0}", $"{i.OrtTunedImagesPerSecond:N0}", $"{i.MlNetImagesPerSecond:N0}",
                $"{i.OrtSpeedup:F2}×", $"{i.MlNetSpeedup:F2}×", $"{i.LatencyP50Milliseconds:F3}", $"{i.LatencyP99Milliseconds:F3}");
        AnsiConsole.Write(inference);

        var targets = new Table().Title("Targets").AddColumn("target").AddColumn("measured").AddColumn("goal").AddColumn("");
        foreach (var t in r.Targets)
            targets.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Measured), Markup.Escape(t.Goal), t.Met ? "[green]met[/]" : "[red]missed[/]");
        AnsiConsole.Write(targets);
    }

    static Table Table(string title, string first, params string[] numeric)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn(first);
        foreach (var header in numeric) table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        return table;
    }
}
