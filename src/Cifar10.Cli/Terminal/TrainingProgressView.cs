using Cifar10.Core.Training;
using Cifar10.Pipelines.Trainers;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>
/// Live progress of a training run, as a training callback: one bar over all batches of all epochs
/// with epoch, batch, loss, accuracy, images/s and ETA, and a line per finished epoch.
/// </summary>
internal sealed class TrainingProgressView(ProgressTask task, string label) : ITrainingCallback
{
    /// <summary>Runs <paramref name="work"/> with a live progress bar.</summary>
    public static T Show<T>(string label, Func<ITrainingCallback, T> work) =>
        Bars()
            .Start(ctx => work(new TrainingProgressView(ctx.AddTask(Markup.Escape(label)), label)));

    static Progress Bars() => AnsiConsole.Progress()
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());

    /// <summary>Runs <paramref name="work"/> with a bar for reading the images and one for training.</summary>
    public static T ShowWithReading<T>(string label, Func<ITrainingCallback, IProgress<ConvNetProgress>, T> work) =>
        Bars()
            .Start(ctx =>
            {
                var reading = ctx.AddTask("reading images");
                var training = new TrainingProgressView(ctx.AddTask(Markup.Escape(label), autoStart: false), label);
                return work(training, new ReadingProgress(reading));
            });

    // Reading reports images done out of a total (unknown while in-memory images stream: -1).
    sealed class ReadingProgress(ProgressTask task) : IProgress<ConvNetProgress>
    {
        public void Report(ConvNetProgress value)
        {
            if (value.Stage != ConvNetProgress.Reading) { task.Value = task.MaxValue; return; }
            if (value.Total > 0) task.MaxValue = value.Total;
            task.Value = value.Done;
        }
    }

    public void OnTrainBegin(TrainingContext context) => task.StartTask();

    public void OnBatchEnd(TrainingContext context, BatchLogs logs)
    {
        task.MaxValue = context.TotalSteps;
        task.Value = logs.Step + 1;
        task.Description = Markup.Escape($"{label} {Describe(context, logs)}");
    }

    public void OnEpochEnd(TrainingContext context, EpochRecord logs) => AnsiConsole.MarkupLine(Markup.Escape($"{label} {Describe(context, logs)}"));

    /// <summary>A batch's progress in one line.</summary>
    public static string Describe(TrainingContext context, BatchLogs logs) =>
        $"epoch {logs.Epoch}/{context.Epochs} batch {logs.Batch}/{logs.Batches} loss {logs.Loss:F3} acc {logs.Accuracy:P1} {logs.ImagesPerSecond:N0} img/s";

    /// <summary>A finished epoch in one line, Keras-style.</summary>
    public static string Describe(TrainingContext context, EpochRecord e) =>
        $"epoch {e.Epoch,2}/{context.Epochs}: loss {e.TrainLoss:F4} acc {e.TrainAccuracy:P2} | val_loss {e.ValidationLoss:F4} val_acc {e.ValidationAccuracy:P2} | lr {e.LearningRate:G3} | {e.Seconds:F1}s";
}
