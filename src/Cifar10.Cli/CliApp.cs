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
            config.UseAssemblyInformationalVersion(); // --version: the package version from the git tag, +commit
            config.UseStrictParsing();
            config.ValidateExamples(); // every example below must parse, or the app refuses to start (HelpTests)
            config.AddExample("experiment");
            config.AddExample("train", "--model", "cnn-3x3", "--epochs", "10");
            config.AddExample("predict", "--model", "model.zip", "cat.png");
            config.AddCommand<TrainCommand>("train").WithDescription("Train one model on CIFAR-10, or on your own images (--images DIR), and write a run folder with model.zip and model.onnx.")
                .WithExample("train", "--model", "cnn-3x3")
                .WithExample("train", "--recipe", "fast", "--out", "runs/fast")
                .WithExample("train", "--images", "photos/train", "--model", "cnn-3x3", "--epochs", "20");
            config.AddCommand<ImagesCommand>("images").WithDescription("Write CIFAR-10 as folders of PNG files, one per class (the layout train --images reads).")
                .WithExample("images", "--out", "cifar-png");
            config.AddCommand<ExperimentCommand>("experiment").WithDescription("Run the study: several models and seeds under one protocol; report, plots, statistics. --suite architecture: the controlled architecture experiments and a verdict on each claim (claims.md).")
                .WithExample("experiment", "--seeds", "3")
                .WithExample("experiment", "--train-limit", "5000", "--epochs", "3", "--seeds", "2")
                .WithExample("experiment", "--suite", "kernels");
            config.AddCommand<EdaCommand>("eda").WithDescription("Explore the data: class balance, sample images, pixel statistics (figures, eda.json, tables).")
                .WithExample("eda");
            config.AddCommand<SummaryCommand>("summary").WithDescription("Print a model's layers, output shapes and parameter counts.")
                .WithExample("summary", "--model", "cnn-3x3");
            config.AddCommand<ExportCommand>("export").WithDescription("Write a run's model as ONNX (model.onnx), checked with ONNX Runtime.")
                .WithExample("export", "--run", "artifacts/runs/cnn-3x3")
                .WithExample("export", "--run", "artifacts/runs/fast", "--tta");
            config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Score the CIFAR-10 test set or a folder of class folders with model.zip or model.onnx through ML.NET: accuracy, per-class table, confusion matrix.")
                .WithExample("evaluate", "--model", "model.onnx");
            config.AddCommand<PredictCommand>("predict").WithDescription("Classify image files with model.zip or model.onnx (table, or --json).")
                .WithExample("predict", "--model", "model.zip", "cat.png", "dog.jpg")
                .WithExample("predict", "--model", "model.onnx", "--json", "cat.png");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve model.zip or model.onnx over HTTP (POST /predict, /predict/batch; GET /model, /health, /metrics, /openapi/v1.json); errors are problem details.")
                .WithExample("serve", "--model", "model.zip", "--urls", "http://localhost:5000");
            config.AddCommand<CompareCommand>("compare").WithDescription("Compare finished runs by training time: a table and accuracy-by-time.png.")
                .WithExample("compare", "artifacts/runs/cnn-3x3", "artifacts/runs/fast", "--target", "93");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure training and inference throughput against the machine's matmul peak (bench.json, bench.png).")
                .WithExample("bench");
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
