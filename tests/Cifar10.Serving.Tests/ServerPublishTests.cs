using System.Diagnostics;
using System.Net;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Xunit.Abstractions;

namespace Cifar10.Serving.Tests;

/// <summary>
/// What the container image would hold, checked without a registry: src/Cifar10.Server published for
/// linux-x64 carries no training stack, and the published app alone serves a model named by
/// <c>Cifar10__ModelPath</c> and answers <c>/health</c>.
/// </summary>
[Trait("Category", "Packaging")]
public class ServerPublishTests(ITestOutputHelper output)
{
    static readonly string[] TrainingOnly = ["TorchSharp", "libtorch", "LibTorchSharp", "libc10", "Cifar10.Core", "Cifar10.Pipelines", "ScottPlot", "OxyPlot", "Spectre"];

    [RealDataFact]
    public async Task The_published_server_has_no_training_stack_and_serves_a_model()
    {
        using var folder = new TempDirectory();
        var project = Path.Combine(TestData.RepositoryRoot, "src", "Cifar10.Server");
        var publish = DotnetProcess.Run(["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "--disable-build-servers", "-o", folder.Path], timeout: TimeSpan.FromMinutes(8));
        Assert.True(publish.ExitCode == 0, publish.ToString());

        var files = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        output.WriteLine($"published: {files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB");
        Assert.DoesNotContain(files, f => TrainingOnly.Any(t => Path.GetFileName(f).Contains(t, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(files, f => Path.GetFileName(f) == "libonnxruntime.so");
        Assert.Contains(files, f => Path.GetFileName(f) == "libSkiaSharp.so");

        var port = LoopbackPort.Free();
        var start = DotnetProcess.StartInfo([Path.Combine(folder.Path, "Cifar10.Server.dll")], folder.Path);
        start.Environment["Cifar10__ModelPath"] = QuickRun.OnnxPath;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var server = Process.Start(start)!;
        _ = server.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = server.StandardError.BaseStream.CopyToAsync(Stream.Null);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal(HttpStatusCode.OK, await HealthWhenUpAsync(client, TimeSpan.FromMinutes(1)));
            var predict = await client.PostAsync("/predict", new ByteArrayContent(ImageFixtures.RecordAsPng(RealCifar.TestRecord(0))));
            Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }
    }

    // /health answers 503 while the model loads and nothing before Kestrel listens: wait for its 200.
    static async Task<HttpStatusCode> HealthWhenUpAsync(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = HttpStatusCode.ServiceUnavailable;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = (await client.GetAsync("/health")).StatusCode;
                if (last == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        return last;
    }
}
