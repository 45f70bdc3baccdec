using Cifar10.Cli.Serving;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>One prediction server on a free loopback port for a test class, with a client pointed at it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal PredictionServer Server { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (RealCifar.Directory is null) return; // the tests themselves report the skip
        Server = await PredictionServer.StartAsync(new ServerOptions { Classifier = c => { c.ModelPath = QuickRun.OnnxPath; c.MaxRequestBytes = 256 * 1024; }, Urls = "http://127.0.0.1:0" });
        Client = new HttpClient { BaseAddress = Server.Addresses[0], Timeout = TimeSpan.FromMinutes(1) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
