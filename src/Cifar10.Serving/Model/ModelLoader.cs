using Microsoft.Extensions.Hosting;

namespace Cifar10.Serving;

/// <summary>Starts loading the model when the app starts, without holding up the start (so <c>/health</c> answers at once).</summary>
internal sealed class ModelLoader(CifarClassifierModel model) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The load's outcome is kept by the model (LoadError); nothing here waits for it.
        _ = model.LoadAsync(CancellationToken.None).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
