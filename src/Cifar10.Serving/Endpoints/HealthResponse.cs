using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cifar10.Serving;

/// <summary><c>/health</c>'s body: <c>{"status":"ok"}</c> once the model is loaded, else the status and why.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object body = report.Status == HealthStatus.Healthy
            ? new { status = "ok" }
            : new { status = report.Status.ToString().ToLowerInvariant(), detail = string.Join(" ", report.Entries.Values.Select(e => e.Description)) };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
