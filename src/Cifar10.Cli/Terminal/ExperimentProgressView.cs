using Cifar10.Core.Training;
using Cifar10.Pipelines.Experiments;
using Spectre.Console;

namespace Cifar10.Cli.Terminal;

/// <summary>
/// Live progress of an experiment: an overall bar (model, seed, epoch, ETA — an upper bound,
/// since early stopping may end runs sooner) and a line per finished epoch, one callback per run.
/// </summary>
internal static class ExperimentProgressView
{
    public static T Show<T>(Func<Func<ExperimentRun, ITrainingCallback>, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var overall = ctx.AddTask("experiment");
                return work(run => new RunProgress(overall, run));
            });

    sealed class RunProgress(ProgressTask overall, ExperimentRun run) : ITrainingCallback
    {
        readonly string _label = $"[{run.Index + 1}/{run.Count}] {run.Model} seed {run.Seed}";

        public void OnBatchEnd(TrainingContext context, BatchLogs logs)
        {
            overall.MaxValue = (double)run.Count * context.TotalSteps;
            overall.Value = (double)run.Index * context.TotalSteps + logs.Step + 1;
            overall.Description = Markup.Escape($"{_label} {TrainingProgressView.Describe(context, logs)}");
        }

        public void OnEpochEnd(TrainingContext context, EpochRecord logs) =>
            AnsiConsole.MarkupLine(Markup.Escape($"{_label} {TrainingProgressView.Describe(context, logs)}"));
    }
}
