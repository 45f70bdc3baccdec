using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Prometheus;

namespace Cifar10.Serving;

/// <summary>
/// Puts prometheus-net's HTTP metrics (requests by status code, latency histogram) at the front of the
/// app's pipeline, so an app gets them from <c>AddCifarClassifier</c> without a <c>UseHttpMetrics</c> line
/// of its own, and they count every answer, 413s from Kestrel included.
/// </summary>
internal sealed class HttpMetricsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHttpMetrics();
        next(app);
    };
}
