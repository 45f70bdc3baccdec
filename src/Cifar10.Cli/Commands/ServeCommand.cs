using System.ComponentModel;
using Cifar10.Cli.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 serve --model model.onnx [--urls URLS]</c>: the prediction HTTP API.</summary>
internal sealed class ServeCommand : Command<ServeCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <FILE>")]
        [Description("The ML.NET model (model.zip) or the exported model.onnx (class names come from the model; model.json beside it adds metrics to GET /model).")]
        public string? Model { get; init; }

        [CommandOption("--urls <URLS>")]
        [Description("Addresses to listen on, ';'-separated (port 0 picks a free one).")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--max-request-mb <MB>")]
        [Description("Largest request body accepted (413 above it).")]
        [DefaultValue(10)]
        public int MaxRequestMegabytes { get; init; } = 10;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model FILE is required.");
            if (MaxRequestMegabytes is < 1 or > 1024) return ValidationResult.Error($"--max-request-mb {MaxRequestMegabytes}: must be between 1 and 1024.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ServerOptions { ModelPath = settings.Model!, Urls = settings.Urls, MaxRequestBytes = settings.MaxRequestMegabytes * 1024L * 1024 };
        var server = StartOrExplain(options, cancellationToken);
        try
        {
            AnsiConsole.WriteLine($"serving {Path.GetFullPath(settings.Model!)} ({server.Classifier.ClassNames.Count} classes)");
            foreach (var address in server.Addresses)
                AnsiConsole.WriteLine($"listening on {address}  (POST /predict, POST /predict/batch, GET /model, GET /health)");
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
        try { return PredictionServer.StartAsync(options, cancel).GetAwaiter().GetResult(); }
        catch (IOException e) { throw new Core.CifarException($"--urls {options.Urls}: cannot listen ({e.Message.Split('\n')[0]})."); }
        catch (Exception e) when (e is FormatException or UriFormatException or InvalidOperationException && e is not Core.CifarException)
        {
            throw new Core.CifarException($"--urls {options.Urls}: {e.Message.Split('\n')[0]}");
        }
    }
}
