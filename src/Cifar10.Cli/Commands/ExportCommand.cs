using System.ComponentModel;
using Cifar10.Core;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 export --run DIR [--out FILE] [--tta]</c>: writes the run's model as ONNX, validated by ONNX Runtime.</summary>
internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--run <DIR>")]
        [Description("A finished run's folder (model.json, model.bin and manifest.json); its manifest is rewritten when the ONNX file goes into it.")]
        public string? Run { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the ONNX file (default: DIR/model.onnx, with --tta DIR/model-tta.onnx).")]
        public string? Out { get; init; }

        [CommandOption("--tta")]
        [Description("Average the run's test-time views in the graph (the fast recipe's 6: the image, 1-pixel shifts, mirrors), so the file scores like the run's reported test accuracy; each image costs one pass per view.")]
        public bool Tta { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Run) ? ValidationResult.Error("--run DIR is required.") : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = new RunFolder(settings.Run!);
        var output = settings.Out ?? (settings.Tta ? run.TtaOnnxPath : run.OnnxPath);
        OutFile.RequireNotDirectory(output);
        using var trained = run.LoadModel();
        run.VerifyFinished(run.CardPath, run.WeightsPath); // weights and card of one finished run
        var views = settings.Tta
            ? trained.Card.EvaluationViews ?? throw new CifarException($"export --tta: the run in {settings.Run} was scored with one view per image (its recipe has no test-time augmentation), so there are no views to average.")
            : default;
        // Validation runs on the temp file, before the rename: a bad export never replaces a good model.onnx.
        OnnxModelInfo? info = null;
        OnnxExporter.Export(trained, output, temp => info = OnnxModelValidator.Validate(temp, output), views);
        if (IsInside(run, output)) run.WriteManifest(); // the folder changed: list the new model.onnx
        AnsiConsole.MarkupLine($"[green]wrote[/] {Markup.Escape(Path.GetFullPath(output))} ({new FileInfo(output).Length / 1024.0:N0} KiB, {Markup.Escape(trained.Definition.Id)}, opset {OnnxContract.Opset})");
        if (views.Count > 1)
            AnsiConsole.WriteLine($"test-time augmentation in the graph: {views.Count} views per image (the run's test accuracy {trained.Card.TestAccuracy:P2} was measured so; one view: {trained.Card.SingleViewTestAccuracy:P2})");
        AnsiConsole.WriteLine($"checked with ONNX Runtime: {OnnxContract.InputName} float [N,3,{info!.ImageSize},{info.ImageSize}] raw 0–255 RGB → {OnnxContract.OutputName} float [N,{info.ClassNames.Count}] ({string.Join(", ", info.ClassNames)})");
        return 0;
    }

    static bool IsInside(RunFolder run, string file) =>
        Path.GetDirectoryName(Path.GetFullPath(file)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(run.Path));
}
