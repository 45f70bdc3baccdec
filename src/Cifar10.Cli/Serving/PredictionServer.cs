using Cifar10.Scoring;
using Cifar10.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Cifar10.Cli.Serving;

/// <summary>
/// <c>cifar10 serve</c>'s web app: the Cifar10.Serving endpoint with the CLI's options. Start it on
/// <c>http://127.0.0.1:0</c> to get a free port, read <see cref="Addresses"/>, and dispose it to stop.
/// </summary>
internal sealed class PredictionServer : IAsyncDisposable
{
    readonly WebApplication _app;

    PredictionServer(WebApplication app, ImageClassifier classifier, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Classifier = classifier;
        Addresses = addresses;
    }

    /// <summary>The addresses actually bound (with real port numbers).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The model being served.</summary>
    public ImageClassifier Classifier { get; }

    /// <summary>Starts listening and returns once the model is loaded; a bad model file is its one-line <see cref="ScoringException"/>.</summary>
    public static async Task<PredictionServer> StartAsync(ServerOptions options, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ListenAddresses.Apply(builder, options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // The command reports a model that fails to load as its own one-line error.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(typeof(CifarClassifierModel).FullName, LogLevel.None);
        builder.Services.AddCifarClassifier(options.Classifier);
        var app = builder.Build();
        app.MapCifarClassifier();
        try
        {
            await app.StartAsync(cancel);
            var model = app.Services.GetRequiredService<CifarClassifierModel>();
            await model.LoadAsync(cancel);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a)).ToArray();
            return new PredictionServer(app, model.Classifier!, addresses);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancel"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync(); // disposes the model with the app's services
    }
}
