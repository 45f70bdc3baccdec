using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Cifar10.Cli.Serving;

/// <summary>
/// Where <c>serve</c> listens: an explicit <c>--urls</c> wins over everything (appsettings.json's <c>Urls</c>
/// and <c>Kestrel:Endpoints</c>, <c>ASPNETCORE_URLS</c>); without it ASP.NET Core's own configuration
/// decides, and only when that names nothing does <see cref="Default"/> apply.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>Loopback only: a model server is not exposed to the network unless asked to be.</summary>
    public const string Default = "http://127.0.0.1:5080";

    public static void Apply(WebApplicationBuilder builder, string? explicitUrls)
    {
        if (explicitUrls is null)
        {
            if (!NamesAddresses(builder.Configuration)) builder.WebHost.UseUrls(Default);
            return;
        }
        // The last configuration source wins over appsettings.json and the environment…
        builder.Configuration.AddInMemoryCollection([new("urls", explicitUrls)]);
        builder.WebHost.UseUrls(explicitUrls);
        // …but Kestrel:Endpoints in a stray appsettings.json would still replace the URL list: give
        // Kestrel an empty endpoint configuration instead.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Configure(new ConfigurationBuilder().Build()));
    }

    // ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS arrive as "urls" / "http_ports"; appsettings.json may say Urls or Kestrel:Endpoints.
    static bool NamesAddresses(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
