using Cifar10.Cli.Commands;
using Cifar10.Core;
using Cifar10.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli;

/// <summary>The <c>cifar10</c> command tree and its error policy: one line, non-zero exit, no stack trace.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        if (System.Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200; // logs and tests: do not wrap at 80 columns
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("cifar10");
            config.UseStrictParsing();
            config.AddCommand<TrainCommand>("train").WithDescription("Train one model on CIFAR-10, or on your own images (--images DIR), and write a run folder with model.zip and model.onnx.");
            config.AddCommand<ImagesCommand>("images").WithDescription("Write CIFAR-10 as folders of PNG files, one per class (the layout train --images reads).");
            config.AddCommand<ExperimentCommand>("experiment").WithDescription("Run the study: several models and seeds under one protocol; report, plots, statistics. --suite architecture: the controlled architecture experiments and a verdict on each claim (claims.md).");
            config.AddCommand<EdaCommand>("eda").WithDescription("Explore the data: class balance, sample images, pixel statistics (figures, eda.json, tables).");
            config.AddCommand<SummaryCommand>("summary").WithDescription("Print a model's layers, output shapes and parameter counts.");
            config.AddCommand<ExportCommand>("export").WithDescription("Write a run's model as ONNX (model.onnx), checked with ONNX Runtime.");
            config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Score the CIFAR-10 test set or a folder of class folders with model.zip or model.onnx through ML.NET: accuracy, per-class table, confusion matrix.");
            config.AddCommand<PredictCommand>("predict").WithDescription("Classify image files with model.zip or model.onnx (table, or --json).");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve model.zip or model.onnx over HTTP (POST /predict, /predict/batch; GET /model, /health).");
            config.AddCommand<CompareCommand>("compare").WithDescription("Compare finished runs by training time: a table and accuracy-by-time.png.");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure training and inference throughput against the machine's matmul peak (bench.json, bench.png).");
            config.SetExceptionHandler((exception, _) => ReportError(exception, args));
        });
        return app.Run(args);
    }

    static int ReportError(Exception exception, IReadOnlyList<string> args)
    {
        var message = exception switch
        {
            InvalidSettingException e => SettingFlags.Describe(e),
            CifarException e => e.Message,
            ScoringException e => e.Message,
            CommandRuntimeException e when OptionValueErrors.Describe(e, args) is { } plain => plain,
            CommandAppException e => e.Message,
            OperationCanceledException => "cancelled.",
            _ => $"unexpected error: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}",
        };
        // Plain text, not Spectre markup: Spectre wraps at the console width, and the error must stay on one line.
        System.Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return exception is CommandAppException ? 2 : 1;
    }
}
