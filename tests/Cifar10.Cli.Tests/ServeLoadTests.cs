using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Xunit.Abstractions;

namespace Cifar10.Cli.Tests;

/// <summary>
/// <c>serve</c> under bounded concurrent load on loopback: good PNGs mixed with bad requests.
/// Correctness and memory are asserted; latencies are printed, never asserted.
/// </summary>
public class ServeLoadTests(ITestOutputHelper output)
{
    const int Clients = 16, RequestsPerClient = 250;
    const int LimitMegabytes = 1;
    // The serving process's bounds: its peak working set, and its growth from the end of the
    // warm-up to the end of the load (a leak of even a few KB a request would pass 200 MB over 4,000 requests).
    const long PeakBytes = 1536L << 20, GrowthBytes = 200L << 20;

    enum Kind { Good, Text, Empty, Oversized }

    [RealDataFact]
    public async Task Sixteen_clients_mixing_good_and_bad_requests_get_correct_answers_and_memory_stays_bounded()
    {
        var pngs = Enumerable.Range(0, 64).Select(i => ImageFixtures.RecordAsPng(RealCifar.TestRecord(i))).ToArray();
        var oversized = new byte[(LimitMegabytes << 20) + (512 << 10)];
        using var server = ServeProcess.Start(QuickRun.OnnxPath, "--max-request-mb", LimitMegabytes.ToString());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // bounded in time as well as in count

        var failures = new ConcurrentBag<string>();
        // Every fourth request is bad, the bad kinds in turn; good ones cycle through the 64 images.
        Kind KindOf(int n) => n % 4 != 3 ? Kind.Good : (Kind)(1 + n / 4 % 3);
        async Task<(Kind Kind, int Status, double Ms)> Send(int n)
        {
            var kind = KindOf(n);
            using var content = new ByteArrayContent(kind switch
            {
                Kind.Good => pngs[n % pngs.Length],
                Kind.Text => "not an image"u8.ToArray(),
                Kind.Empty => [],
                _ => oversized,
            });
            content.Headers.ContentType = new MediaTypeHeaderValue(kind == Kind.Text ? "text/plain" : "image/png");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
            // As curl does for large bodies: the server answers 413 from Content-Length before the body is
            // sent. Without it, a client still writing when the server closes the connection after its 413
            // can see a reset instead of the status (HTTP's behaviour, not a server fault).
            request.Headers.ExpectContinue = kind == Kind.Oversized;
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, stop.Token);
            var body = await response.Content.ReadAsStringAsync(stop.Token);
            if ((int)response.StatusCode >= 500) failures.Add($"{kind} #{n}: {(int)response.StatusCode} {body}"); // shown in the output below
            return (kind, (int)response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }

        for (int n = 0; n < 64; n++) await Send(n); // warm-up: engines, JIT, connection pool
        var warmSet = server.WorkingSet;
        var peakSet = warmSet;
        var results = new ConcurrentBag<(Kind Kind, int Status, double Ms)>();
        var wall = Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (int r = 0; r < RequestsPerClient; r++)
            {
                var n = c * RequestsPerClient + r;
                try { results.Add(await Send(n)); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { failures.Add($"{KindOf(n)} #{n}: {e.GetType().Name}: {e.Message}"); }
            }
        })));
        while (!load.IsCompleted)
        {
            peakSet = Math.Max(peakSet, server.WorkingSet);
            await Task.WhenAny(load, Task.Delay(200));
        }
        await load;
        var endSet = server.WorkingSet;
        peakSet = Math.Max(peakSet, endSet);

        output.WriteLine($"{results.Count:N0} requests from {Clients} clients in {wall.Elapsed.TotalSeconds:F1} s ({results.Count / wall.Elapsed.TotalSeconds:N0} requests/s)");
        foreach (var group in results.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var ms = group.Select(r => r.Ms).Order().ToArray();
            output.WriteLine($"{group.Key,-9} {ms.Length,5} requests, status {string.Join(", ", group.GroupBy(r => r.Status).Select(s => $"{s.Key}×{s.Count()}"))}, " +
                $"latency p50 {ms[ms.Length / 2]:F1} ms, p99 {ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(0.99 * ms.Length) - 1)]:F1} ms");
        }
        output.WriteLine($"server working set: {warmSet >> 20} MB after warm-up, peak {peakSet >> 20} MB, end {endSet >> 20} MB (bounds: peak < {PeakBytes >> 20} MB, growth < {GrowthBytes >> 20} MB)");
        foreach (var failure in failures.Take(5)) output.WriteLine($"failure: {failure}");

        Assert.Empty(failures);
        Assert.Equal(Clients * RequestsPerClient, results.Count);
        Assert.All(results.Where(r => r.Kind == Kind.Good), r => Assert.Equal(200, r.Status));
        Assert.All(results.Where(r => r.Kind == Kind.Text), r => Assert.Equal(415, r.Status));
        Assert.All(results.Where(r => r.Kind == Kind.Empty), r => Assert.Equal(400, r.Status));
        Assert.All(results.Where(r => r.Kind == Kind.Oversized), r => Assert.Equal(413, r.Status));
        Assert.True(peakSet < PeakBytes, $"peak working set {peakSet >> 20} MB");
        Assert.True(endSet - warmSet < GrowthBytes, $"working set grew {(endSet - warmSet) >> 20} MB under load");
    }
}
