using Cifar10.Cli.Terminal;
using Cifar10.Core;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Runtime;
using Cifar10.Pipelines.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 train</c>: one model, one recipe, one seed, a run folder; on CIFAR-10, or on a folder of images (<c>--images</c>).</summary>
internal sealed class TrainCommand : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Images is not null) return FolderTraining.Run(settings, cancellationToken);
        var definition = ModelZoo.Get(settings.ModelId);
        var recipe = settings.ResolveRecipe();
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        var output = RunNames.Resolve(settings.Out, definition.Id, settings.Resume, folder => new RunFolder(folder).HasCheckpoint);
        RunOutput.Check(output, settings.Resume, settings.Force);
        using var data = DataLoading.Load(settings.Data);
        RunOutput.ClearIfForced(output, settings.Force);
        var request = new RunRequest(definition, recipe, new RunFolder(output))
        {
            Seed = settings.Seed, Device = device, TrainLimit = settings.TrainLimit, TestLimit = settings.TestLimit, Resume = settings.Resume,
            TestCurve = settings.TestCurve,
        };
        var precision = EnumNames.Of(BFloat16Support.Resolve(recipe.Precision, device.type));
        AnsiConsole.MarkupLine($"Training [bold]{definition.Id}[/] ({definition.TotalParameters:N0} parameters) with the {recipe.Name} recipe ({precision}) on {device.type}, seed {settings.Seed}, up to {recipe.Epochs} epochs → {Markup.Escape(output)}");
        var outcome = TrainingProgressView.Show(definition.Id, progress =>
            TrainingRun.Execute(data, request, [progress, .. settings.TensorBoardFor(Path.GetFileName(Path.GetFullPath(output)))], cancellationToken));
        var r = outcome.Results;
        AnsiConsole.MarkupLine($"[green]done[/]: test accuracy [bold]{r.TestAccuracy:P2}[/], test loss {r.TestLoss:F4}, {r.EpochsRun} epochs (best {r.BestEpoch}), {r.TrainingSeconds / 60:F1} min; split {r.Split.TrainCount:N0}/{r.Split.ValidationCount:N0}/{r.Split.TestCount:N0}");
        AnsiConsole.MarkupLine($"run folder: {Markup.Escape(Path.GetFullPath(output))}");
        return 0;
    }
}
