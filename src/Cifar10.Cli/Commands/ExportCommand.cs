using System.ComponentModel;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 export --run DIR [--out FILE]</c>: writes the run's model as ONNX, validated by ONNX Runtime.</summary>
internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--run <DIR>")]
        [Description("A finished run's folder (model.json, model.bin and manifest.json); its manifest is rewritten when the ONNX file goes into it.")]
        public string? Run { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the ONNX file (default: DIR/model.onnx).")]
        public string? Out { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Run) ? ValidationResult.Error("--run DIR is required.") : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = settings.Out ?? Path.Combine(settings.Run!, OnnxContract.FileName);
        OutFile.RequireNotDirectory(output);
        var run = new RunFolder(settings.Run!);
        using var trained = run.LoadModel();
        run.VerifyFinished(run.CardPath, run.WeightsPath); // weights and card of one finished run
        // Validation runs on the temp file, before the rename: a bad export never replaces a good model.onnx.
        OnnxModelInfo? info = null;
        OnnxExporter.Export(trained, output, temp => info = OnnxModelValidator.Validate(temp, output));
        if (IsInside(run, output)) run.WriteManifest(); // the folder changed: list the new model.onnx
        AnsiConsole.MarkupLine($"[green]wrote[/] {Markup.Escape(Path.GetFullPath(output))} ({new FileInfo(output).Length / 1024.0:N0} KiB, {Markup.Escape(trained.Definition.Id)}, opset {OnnxContract.Opset})");
        AnsiConsole.WriteLine($"checked with ONNX Runtime: {OnnxContract.InputName} float [N,3,{info!.ImageSize},{info.ImageSize}] raw 0–255 RGB → {OnnxContract.OutputName} float [N,{info.ClassNames.Count}] ({string.Join(", ", info.ClassNames)})");
        return 0;
    }

    static bool IsInside(RunFolder run, string file) =>
        Path.GetDirectoryName(Path.GetFullPath(file)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(run.Path));
}
