using System.Net;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
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
        // Slow enough to decode (~16 MP) that sixteen at once overlap on one slot.
        var large = ImageFixtures.Solid(4000, 4000, SKColors.Olive);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = app.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.PostAsync("/predict", new ByteArrayContent(large))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var rejected = responses.First(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        await ProblemAssert.AssertAsync(rejected, 503, "server is busy");
        Assert.Equal(TimeSpan.FromSeconds(2), rejected.Headers.RetryAfter?.Delta);
        Assert.Contains("cifar10_scoring_rejected_total", await app.Client.GetStringAsync("/metrics"));
    }
}
