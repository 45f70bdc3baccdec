using Cifar10.Core.Training;
using Cifar10.Pipelines.Experiments;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>
/// Live progress of an experiment: an overall bar (model, seed, epoch, ETA — an upper bound,
/// since early stopping may end runs sooner) and a line per finished epoch.
/// </summary>
internal sealed class ExperimentProgressView(ProgressTask overall) : IProgress<ExperimentProgress>
{
    public static T Show<T>(Func<IProgress<ExperimentProgress>, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => work(new ExperimentProgressView(ctx.AddTask("experiment"))));

    public void Report(ExperimentProgress p)
    {
        var t = p.Training;
        var label = $"[{p.RunIndex + 1}/{p.RunCount}] {p.Model} seed {p.Seed}";
        if (t.CompletedEpoch is EpochRecord e)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"{label} epoch {e.Epoch,2}/{t.Epochs}: loss {e.TrainLoss:F4} acc {e.TrainAccuracy:P2} | val_loss {e.ValidationLoss:F4} val_acc {e.ValidationAccuracy:P2} | lr {e.LearningRate:G3} | {e.Seconds:F1}s"));
            return;
        }
        overall.MaxValue = (double)p.RunCount * t.Epochs * t.Batches;
        overall.Value = ((double)p.RunIndex * t.Epochs + t.Epoch - 1) * t.Batches + t.Batch;
        overall.Description = Markup.Escape($"{label} epoch {t.Epoch}/{t.Epochs} batch {t.Batch}/{t.Batches} loss {t.Loss:F3} acc {t.Accuracy:P1} {t.ImagesPerSecond:N0} img/s");
    }
}
