using Cifar10.Core.Training;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>
/// Live progress of a training run: one bar over all batches of all epochs with epoch, batch,
/// loss, accuracy, images/s and ETA, and a line per finished epoch.
/// </summary>
internal sealed class TrainingProgressView(ProgressTask task, string label) : IProgress<TrainingProgress>
{
    /// <summary>Runs <paramref name="work"/> with a live progress bar.</summary>
    public static T Show<T>(string label, Func<IProgress<TrainingProgress>, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => work(new TrainingProgressView(ctx.AddTask(Markup.Escape(label)), label)));

    public void Report(TrainingProgress p)
    {
        if (p.CompletedEpoch is EpochRecord e)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"{label} epoch {e.Epoch,2}/{p.Epochs}: loss {e.TrainLoss:F4} acc {e.TrainAccuracy:P2} | val_loss {e.ValidationLoss:F4} val_acc {e.ValidationAccuracy:P2} | lr {e.LearningRate:G3} | {e.Seconds:F1}s"));
            return;
        }
        task.MaxValue = (double)p.Epochs * p.Batches;
        task.Value = (double)(p.Epoch - 1) * p.Batches + p.Batch;
        task.Description = Markup.Escape($"{label} epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.Loss:F3} acc {p.Accuracy:P1} {p.ImagesPerSecond:N0} img/s");
    }
}
