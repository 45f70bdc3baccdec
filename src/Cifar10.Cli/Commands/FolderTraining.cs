using Cifar10.Cli.Terminal;
using Cifar10.Core;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Runtime;
using Cifar10.Pipelines.Runs;
using Cifar10.Pipelines.Trainers;
using Spectre.Console;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 train --images DIR</c>: the ConvNet trainer on a folder of class folders (see <see cref="ImageFolderRun"/>).</summary>
internal static class FolderTraining
{
    public static int Run(TrainSettings settings, CancellationToken cancel)
    {
        var imageSize = settings.ImageSize ?? ModelZoo.CifarImageSize;
        var recipe = settings.ResolveRecipe();
        TorchSetup.Apply(settings.Device, settings.Threads);
        var options = new ConvNetTrainer.Options
        {
            Architecture = settings.ModelId,
            Recipe = recipe,
            ImageSize = imageSize,
            Seed = settings.Seed,
            Device = EnumNames.Parse<ComputeDevice>(settings.Device, nameof(ComputeDevice)),
            SkipUnreadableImages = settings.SkipUnreadable,
            Resume = settings.Resume,
            CancellationToken = cancel,
        };
        var output = RunNames.Resolve(settings.Out, $"{settings.ModelId}-{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Images!)))}", settings.Resume, folder => new RunFolder(folder).HasCheckpoint);
        RunOutput.Check(output, settings.Resume, settings.Force);
        AnsiConsole.MarkupLine(Markup.Escape($"Training {settings.ModelId} on the images in {settings.Images} ({imageSize}×{imageSize}) with the {recipe.Name} recipe, seed {settings.Seed}, up to {recipe.Epochs} epochs → {output}"));
        var outcome = TrainingProgressView.ShowWithReading(settings.ModelId, (callback, reading) =>
        {
            options.Callbacks = [callback, .. settings.TensorBoardFor(Path.GetFileName(Path.GetFullPath(output)))];
            options.Progress = reading;
            RunOutput.ClearIfForced(output, settings.Force);
            return ImageFolderRun.Execute(settings.Images!, settings.TestImages, output, options);
        });
        Report(outcome);
        return 0;
    }

    static void Report(ImageFolderRunOutcome outcome)
    {
        var fit = outcome.Fit;
        var last = fit.History.Epochs[^1];
        AnsiConsole.MarkupLine(Markup.Escape($"{fit.ClassNames.Count} classes ({string.Join(", ", fit.ClassNames)}); {fit.TrainImages:N0} training and {fit.ValidationImages:N0} validation images" +
                                             (fit.SkippedImages > 0 ? $"; {fit.SkippedImages:N0} unreadable images skipped" : "")));
        AnsiConsole.MarkupLine(fit.RecalibratedBatchNormLayers > 0
            ? $"BatchNorm: recomputed the statistics of {fit.RecalibratedBatchNormLayers} layers over the training images before each validation pass and after the last epoch (Keras' momentum leaves them unsettled on small data)"
            : "BatchNorm statistics as training left them (no recalibration)");
        AnsiConsole.MarkupLine($"[green]done[/]: validation accuracy [bold]{last.ValidationAccuracy:P2}[/] after {fit.History.Epochs.Count} epoch{(fit.History.Epochs.Count == 1 ? "" : "s")} ({fit.History.Epochs.Sum(e => e.Seconds) / 60:F1} min)" +
                               (outcome.Test is { } test ? $"; test accuracy [bold]{test.MicroAccuracy:P2}[/] on {test.Count:N0} images" : ""));
        AnsiConsole.MarkupLine($"run folder: {Markup.Escape(Path.GetFullPath(outcome.Directory))} (model.zip: the ML.NET model; model.onnx: the network)");
    }
}
