using Cifar10.Tests.Shared;

namespace Cifar10.Serving.Tests;

/// <summary>One library app serving the quick real model (256 KiB body limit) for a test class, model loaded.</summary>
public sealed class QuickModelApp : IAsyncLifetime
{
    public LibraryApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (RealCifar.Directory is null) return; // the tests themselves report the skip
        App = await LibraryApp.StartAsync(QuickRun.OnnxPath, options => options.MaxRequestBytes = 256 * 1024);
        await App.Model.LoadAsync();
    }

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}
