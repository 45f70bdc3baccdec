using Cifar10.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cifar10.Cli.Serving;

/// <summary>
/// The prediction HTTP server (ASP.NET Core minimal API over a <see cref="ImageClassifier"/>).
/// Start it on <c>http://127.0.0.1:0</c> to get a free port, read <see cref="Addresses"/>, and
/// dispose it to stop.
/// </summary>
internal sealed class PredictionServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ImageClassifier _classifier;

    PredictionServer(WebApplication app, ImageClassifier classifier, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _classifier = classifier;
        Addresses = addresses;
    }

    /// <summary>The addresses actually bound (with real port numbers).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The model being served.</summary>
    public ImageClassifier Classifier => _classifier;

    /// <summary>Loads the model (one-line errors for a bad file) and starts listening.</summary>
    public static async Task<PredictionServer> StartAsync(ServerOptions options, CancellationToken cancel = default)
    {
        var classifier = ImageClassifier.Load(options.ModelPath);
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
            builder.Logging.ClearProviders(); // the CLI prints what matters; request logs would drown it
            var app = builder.Build();
            PredictionEndpoints.Map(app, classifier, options);
            await app.StartAsync(cancel);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a)).ToArray();
            return new PredictionServer(app, classifier, addresses);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancel"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _classifier.Dispose();
    }
}
