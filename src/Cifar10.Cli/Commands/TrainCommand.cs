using Cifar10.Cli.Terminal;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 train</c>: one model, the study's protocol, a run folder.</summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var (recipe, model) = settings.Resolve();
        var definition = ModelZoo.Get(model);
        var device = TorchSetup.Apply(settings.Device, settings.Threads);
        var options = settings.ToOptions(recipe, settings.Seed, device);
        var output = RunNames.Resolve(settings.Out, definition.Id, settings.Resume, TrainRequest.CheckpointFile);
        using var data = DataLoading.Load(settings.Data);
        var request = new TrainRequest(definition, options, device, output, settings.NormalizeFor(recipe), settings.TrainLimit, settings.TestLimit, settings.Resume);
        AnsiConsole.MarkupLine($"Training [bold]{definition.Id}[/] ({definition.TotalParameters:N0} parameters) with the {recipe.Name} recipe ({options.Precision.ToOptionName()}) on {device.type}, seed {options.Seed}, up to {options.Epochs} epochs → {Markup.Escape(output)}");
        var outcome = TrainingProgressView.Show(definition.Id, progress => TrainingRun.Execute(data, request, progress, cancellationToken));
        var r = outcome.Results;
        AnsiConsole.MarkupLine($"[green]done[/]: test accuracy [bold]{r.TestAccuracy:P2}[/], test loss {r.TestLoss:F4}, {r.EpochsRun} epochs (best {r.BestEpoch}), {r.TrainingSeconds / 60:F1} min; split {r.Split.TrainCount:N0}/{r.Split.ValidationCount:N0}/{r.Split.TestCount:N0}");
        AnsiConsole.MarkupLine($"run folder: {Markup.Escape(Path.GetFullPath(output))}");
        return 0;
    }
}
