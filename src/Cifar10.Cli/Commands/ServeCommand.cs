using System.ComponentModel;
using Cifar10.Cli.Serving;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 serve --model model.onnx [--urls URLS]</c>: the prediction HTTP API (the Cifar10.Serving library).</summary>
internal sealed class ServeCommand : Command<ServeCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("The ML.NET model (model.zip) or the exported model.onnx (class names come from the model; model.json beside it adds metrics to GET /model).")]
        public string? Model { get; init; }

        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, ';'-separated (port 0 picks a free one). Default: ASPNETCORE_URLS or appsettings.json, else " + ListenAddresses.Default + ".")]
        public string? Urls { get; init; }

        [CommandOption("--max-request-mb <MB>")]
        [Description("Largest request body accepted (413 above it).")]
        [DefaultValue(10)]
        public int MaxRequestMegabytes { get; init; } = 10;

        [CommandOption("--max-concurrent <N>")]
        [Description("Requests decoded and scored at once (default: the number of cores); the rest wait.")]
        public int? MaxConcurrent { get; init; }

        [CommandOption("--max-queue <N>")]
        [Description("Requests that may wait for a scoring slot; beyond that they get 503 with Retry-After.")]
        [DefaultValue(64)]
        public int MaxQueue { get; init; } = 64;

        [CommandOption("--log-level <LEVEL>")]
        [Description("trace, debug, information (logs every request), warning, error, critical or none.")]
        [DefaultValue("warning")]
        public string LogLevel { get; init; } = "warning";

        /// <summary>The parsed <see cref="LogLevel"/>.</summary>
        public LogLevel ParsedLogLevel => Enum.Parse<LogLevel>(LogLevel, ignoreCase: true);

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model FILE is required.");
            if (MaxRequestMegabytes is < 1 or > 1024) return ValidationResult.Error($"--max-request-mb {MaxRequestMegabytes}: must be between 1 and 1024.");
            if (MaxConcurrent is < 1 or > 1024) return ValidationResult.Error($"--max-concurrent {MaxConcurrent}: must be between 1 and 1024.");
            if (MaxQueue is < 0 or > 100_000) return ValidationResult.Error($"--max-queue {MaxQueue}: must be between 0 and 100000.");
            if (!Enum.TryParse<LogLevel>(LogLevel, ignoreCase: true, out _) || int.TryParse(LogLevel, out _))
                return ValidationResult.Error($"--log-level {LogLevel}: expected trace, debug, information, warning, error, critical or none.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ServerOptions
        {
            Classifier = classifier =>
            {
                classifier.ModelPath = settings.Model!;
                classifier.MaxRequestBytes = settings.MaxRequestMegabytes * 1024L * 1024;
                if (settings.MaxConcurrent is int concurrent) classifier.MaxConcurrentScoring = concurrent;
                classifier.MaxQueuedScoring = settings.MaxQueue;
            },
            Urls = settings.Urls,
            LogLevel = settings.ParsedLogLevel,
        };
        var server = StartOrExplain(options, cancellationToken);
        try
        {
            AnsiConsole.WriteLine($"serving {Path.GetFullPath(settings.Model!)} ({server.Classifier.ClassNames.Count} classes)");
            foreach (var address in server.Addresses)
                AnsiConsole.WriteLine($"listening on {address}  (POST /predict, POST /predict/batch, GET /model, /health, /metrics, /openapi/v1.json)");
            AnsiConsole.WriteLine("press Ctrl+C to stop");
            server.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    // A port in use or a bad URL surfaces from Kestrel as a multi-line exception; the user needs one line.
    static PredictionServer StartOrExplain(ServerOptions options, CancellationToken cancel)
    {
        var where = options.Urls is null ? "the configured address" : $"--urls {options.Urls}";
        try { return PredictionServer.StartAsync(options, cancel).GetAwaiter().GetResult(); }
        catch (IOException e) { throw new Core.CifarException($"{where}: cannot listen ({e.Message.Split('\n')[0]})."); }
        catch (Exception e) when (e is FormatException or UriFormatException or InvalidOperationException && e is not Core.CifarException)
        {
            throw new Core.CifarException($"{where}: {e.Message.Split('\n')[0]}");
        }
    }
}
