using System.Net;
using System.Net.Sockets;
using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>
/// Where <c>serve</c> listens: ASP.NET Core's own configuration (ASPNETCORE_URLS, appsettings.json) when
/// <c>--urls</c> is not given, and an explicit <c>--urls</c> over all of them.
/// </summary>
public class ServeAddressTests
{
    [RealDataFact]
    public async Task Without_urls_ASPNETCORE_URLS_is_honoured()
    {
        var port = LoopbackPort.Free();
        using var server = ServeProcess.Launch(AppContext.BaseDirectory, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
            ["serve", "--model", QuickRun.OnnxPath]);
        Assert.Equal(port, server.Address.Port);
        await AssertHealthyAsync(server.Address);
    }

    [RealDataFact]
    public async Task Without_urls_appsettings_json_in_the_working_directory_is_honoured()
    {
        using var folder = new TempDirectory();
        var port = LoopbackPort.Free();
        File.WriteAllText(folder.File("appsettings.json"), $$"""{ "Urls": "http://127.0.0.1:{{port}}" }""");
        using var server = ServeProcess.Launch(folder.Path, new Dictionary<string, string>(), ["serve", "--model", QuickRun.OnnxPath]);
        Assert.Equal(port, server.Address.Port);
        await AssertHealthyAsync(server.Address);
    }

    [RealDataFact]
    public async Task An_explicit_urls_wins_over_appsettings_json_and_the_environment()
    {
        using var folder = new TempDirectory();
        var (fromSettings, fromKestrel, fromEnvironment) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        File.WriteAllText(folder.File("appsettings.json"), $$"""
            { "Urls": "http://127.0.0.1:{{fromSettings}}",
              "Kestrel": { "Endpoints": { "Http": { "Url": "http://127.0.0.1:{{fromKestrel}}" } } } }
            """);
        using var server = ServeProcess.Launch(folder.Path, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{fromEnvironment}" },
            ["serve", "--model", QuickRun.OnnxPath, "--urls", "http://127.0.0.1:0"]);
        Assert.DoesNotContain(server.Address.Port, new[] { fromSettings, fromKestrel, fromEnvironment });
        await AssertHealthyAsync(server.Address);
        Assert.False(Listening(fromSettings) || Listening(fromKestrel) || Listening(fromEnvironment), "serve also bound a configured address");
    }

    [RealDataFact]
    public async Task Log_level_information_logs_each_request()
    {
        using var server = ServeProcess.Start(QuickRun.OnnxPath, "--log-level", "information");
        await AssertHealthyAsync(server.Address);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.Output.Contains("Request finished") && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains("GET " + new Uri(server.Address, "/health"), server.Output);
    }

    static async Task AssertHealthyAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException) { return false; }
    }
}
