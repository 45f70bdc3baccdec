using Cifar10.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cifar10.Serving.Tests;

/// <summary>
/// A bare ASP.NET Core app that uses nothing but the library's public API (AddCifarClassifier +
/// MapCifarClassifier), on a free loopback port, with a client pointed at it.
/// </summary>
public sealed class LibraryApp : IAsyncDisposable
{
    LibraryApp(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public CifarClassifierModel Model => App.Services.GetRequiredService<CifarClassifierModel>();

    /// <summary>Starts the app; returns at once (the model loads in the background).</summary>
    public static async Task<LibraryApp> StartAsync(string modelPath, Action<CifarClassifierOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCifarClassifier(options =>
        {
            options.ModelPath = modelPath;
            configure?.Invoke(options);
        });
        var app = builder.Build();
        app.MapCifarClassifier();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(1) };
        return new LibraryApp(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
