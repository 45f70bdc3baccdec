using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Cifar10.Scoring;
using Cifar10.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>
/// <c>cifar10 predict --model model.onnx IMAGE…</c>: top classes per image. A bad image is a
/// one-line error on stderr; the others are still scored, and the exit code says some failed.
/// </summary>
internal sealed class PredictCommand : Command<PredictCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("The ML.NET model (model.zip) or the exported model.onnx; the class names come from the model.")]
        public string? Model { get; init; }

        [CommandArgument(0, "<IMAGES>")]
        [Description("PNG, JPEG, WebP, GIF or BMP files of any size.")]
        public string[] Images { get; init; } = [];

        [CommandOption("--json")]
        [Description("Print one JSON array for machines instead of a table.")]
        public bool Json { get; init; }

        [CommandOption("-k|--top <K>")]
        [Description("How many classes to show per image.")]
        [DefaultValue(3)]
        public int Top { get; init; } = 3;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model FILE is required.");
            if (Top is < 1 or > 100) return ValidationResult.Error($"--top {Top}: must be between 1 and 100.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var classifier = ImageClassifier.Load(settings.Model!);
        var results = new List<PredictionJson>();
        foreach (var image in settings.Images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(PredictionJson.Success(classifier.PredictFile(image, settings.Top), image));
            }
            catch (ImageDecodeException e)
            {
                Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
                results.Add(PredictionJson.Failure(image, e.Message));
            }
        }

        if (settings.Json) Console.Out.WriteLine(JsonSerializer.Serialize(results, PredictionJson.Options));
        else WriteTable(results.Where(r => r.Error is null).ToList(), settings.Top);
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    static void WriteTable(IReadOnlyList<PredictionJson> scored, int top)
    {
        if (scored.Count == 0) return;
        var table = new Table().AddColumn("image");
        for (int i = 1; i <= top; i++) table.AddColumn($"#{i}");
        foreach (var row in scored)
        {
            var cells = new List<string> { Markup.Escape(row.File!) };
            cells.AddRange(row.Top!.Select((t, i) => $"{(i == 0 ? "[bold]" : "")}{Markup.Escape(t.Label)} {(t.Probability * 100).ToString("F1", CultureInfo.InvariantCulture)}%{(i == 0 ? "[/]" : "")}"));
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
    }
}
