using System.Net;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cifar10.Serving.Tests;

/// <summary>Beyond the scoring slots and the queue, requests get 503 with Retry-After, and the rejection is counted.</summary>
public class ConcurrencyLimitTests
{
    [RealDataFact]
    public async Task Requests_beyond_the_slots_and_queue_get_503_with_retry_after()
    {
        await using var app = await LibraryApp.StartAsync(QuickRun.OnnxPath, options =>
        {
            options.MaxConcurrentScoring = 1;
            options.MaxQueuedScoring = 0;
            options.RetryAfterSeconds = 2;
        });
        await app.Model.LoadAsync();
        var image = ImageFixtures.Solid(32, 32, SKColors.Olive);

        // The one slot is held (as a slow request would hold it) until the test lets go: no timing involved.
        var gate = app.App.Services.GetRequiredService<ScoringGate>();
        using var release = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        var holder = Task.Run(() => gate.RunAsync(() => { holding.Set(); release.Wait(); return 0; }, CancellationToken.None));
        Assert.True(holding.Wait(TimeSpan.FromMinutes(1)));

        var before = PrometheusText.Sample(await app.Client.GetStringAsync("/metrics"), "cifar10_scoring_rejected_total");
        var rejected = await app.Client.PostAsync("/predict", new ByteArrayContent(image));
        await ProblemAssert.AssertAsync(rejected, 503, "server is busy");
        Assert.Equal(TimeSpan.FromSeconds(2), rejected.Headers.RetryAfter?.Delta);
        Assert.True(PrometheusText.Sample(await app.Client.GetStringAsync("/metrics"), "cifar10_scoring_rejected_total") >= before + 1); // one counter per process: other tests may add to it

        release.Set();
        await holder;
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/predict", new ByteArrayContent(image))).StatusCode);
    }
}
