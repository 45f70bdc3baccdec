using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cifar10.Serving;

/// <summary>Healthy once the model is loaded; unhealthy while it loads or after it failed to load.</summary>
internal sealed class ModelLoadedHealthCheck(CifarClassifierModel model) : IHealthCheck
{
    /// <summary>The check's name in health reports.</summary>
    public const string Name = "cifar10-model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            model.Classifier is not null ? HealthCheckResult.Healthy($"{model.ModelPath} is loaded.")
            : model.LoadError is { } error ? HealthCheckResult.Unhealthy($"the model failed to load: {error.Message}")
            : HealthCheckResult.Unhealthy($"{model.ModelPath} is loading."));
}
