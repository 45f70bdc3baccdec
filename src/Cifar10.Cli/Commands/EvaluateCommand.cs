using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Cifar10.Cli.Terminal;
using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Data;
using Cifar10.Pipelines.Evaluation;
using Cifar10.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>
/// <c>cifar10 evaluate --model model.zip|model.onnx [--images DIR]</c>: scores the official CIFAR-10 test
/// set, or a folder of class folders, through the shipped path (ML.NET, one view per image, no
/// test-time augmentation) and writes evaluation.json and confusion-matrix.png beside the model (or to --out).
/// </summary>
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("The ML.NET model (model.zip) or the exported model.onnx; the class names come from the model.")]
        public string? Model { get; init; }

        [CommandOption("--images <DIR>")]
        [Description("Evaluate on a folder with one sub-folder of images per class (class names must be the model's) instead of the CIFAR-10 test set.")]
        public string? Images { get; init; }

        [CommandOption("--data <DIR>")]
        [Description(DataSettings.DataDescription)]
        public string? Data { get; init; }

        [CommandOption("--test-limit <N>")]
        [Description("Evaluate on only the first N CIFAR-10 test images.")]
        public int? TestLimit { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where evaluation.json and confusion-matrix.png go (default: the model's folder).")]
        public string? Out { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model FILE is required.");
            if (TestLimit is <= 0) return ValidationResult.Error($"--test-limit {TestLimit}: must be a positive number.");
            if (Images is not null && (TestLimit is not null || Data is not null))
                return ValidationResult.Error("--images evaluates a folder; --data and --test-limit are for the CIFAR-10 test set.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var classifier = ImageClassifier.Load(settings.Model!);
        RunFolder.Containing(settings.Model!)?.VerifyFinished(settings.Model!); // a model inside a run folder must be that finished run's
        var (metrics, count) = settings.Images is { } folder ? EvaluateFolder(classifier, folder) : EvaluateCifar(classifier, settings);

        var output = settings.Out ?? Path.GetDirectoryName(Path.GetFullPath(settings.Model!))!;
        EvaluationFiles.Write(output, settings.Model!, RunFolder.CardBeside(settings.Model!)?.Architecture ?? Path.GetFileName(settings.Model!), metrics);

        WriteSummary(metrics, count);
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(Path.Combine(output, EvaluationFiles.Json))} and {EvaluationFiles.ConfusionMatrix}");
        return 0;
    }

    static (ClassificationMetrics, int) EvaluateCifar(ImageClassifier classifier, Settings settings)
    {
        using var allTest = DataLoading.LoadTest(settings.Data);
        using var test = allTest.Take(Math.Min(settings.TestLimit ?? allTest.Count, allTest.Count));
        var metrics = AnsiConsole.Status().Start($"Scoring {test.Count:N0} test images with ML.NET…", _ => classifier.Evaluate(test, CifarClasses.Names));
        return (metrics, test.Count);
    }

    static (ClassificationMetrics, int) EvaluateFolder(ImageClassifier classifier, string root)
    {
        var folder = ImageFolder.Scan(root);
        var metrics = AnsiConsole.Status().Start($"Scoring {folder.Images.Count:N0} images in {folder.ClassNames.Count} class folders with ML.NET…", _ => classifier.Evaluate(folder));
        return (metrics, folder.Images.Count);
    }

    static void WriteSummary(ClassificationMetrics m, int count)
    {
        var c = CultureInfo.InvariantCulture;
        AnsiConsole.MarkupLine($"[bold]accuracy {(m.MicroAccuracy * 100).ToString("F2", c)} %[/] on {count:N0} images (one view each), " +
                               $"log-loss {m.LogLoss.ToString("F4", c)}, top-{m.TopK} {(m.TopKAccuracy * 100).ToString("F2", c)} %");
        var table = new Table().AddColumn("class").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned());
        for (int i = 0; i < m.ClassNames.Count; i++)
            table.AddRow(Markup.Escape(m.ClassNames[i]), (m.PerClassPrecision[i] * 100).ToString("F1", c) + " %", (m.PerClassRecall[i] * 100).ToString("F1", c) + " %");
        AnsiConsole.Write(table);
    }
}
