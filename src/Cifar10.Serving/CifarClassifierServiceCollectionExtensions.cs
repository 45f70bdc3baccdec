using Cifar10.Serving;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Cifar10.NET classifier endpoint's services; <c>MapCifarClassifier</c> maps its routes.</summary>
public static class CifarClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Adds the classifier: the model (loaded in the background when the app starts), its health check, the
    /// scoring concurrency limit, problem details, the OpenAPI document and Prometheus HTTP metrics.
    /// <code>
    /// builder.Services.AddCifarClassifier(o => o.ModelPath = "model.onnx");
    /// app.MapCifarClassifier();
    /// </code>
    /// </summary>
    public static IServiceCollection AddCifarClassifier(this IServiceCollection services, Action<CifarClassifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddCifarClassifierCore(options => options.Configure(configure));
    }

    /// <summary>
    /// Adds the classifier with its options bound from <paramref name="configuration"/>'s <c>Cifar10</c> section
    /// (e.g. <c>Cifar10:ModelPath</c> in appsettings.json, or <c>Cifar10__ModelPath</c> in the environment).
    /// </summary>
    public static IServiceCollection AddCifarClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddCifarClassifierCore(options => options.Bind(configuration.GetSection(CifarClassifierOptions.SectionName)));
    }

    static IServiceCollection AddCifarClassifierCore(this IServiceCollection services, Action<OptionsBuilder<CifarClassifierOptions>> configure)
    {
        var options = services.AddOptions<CifarClassifierOptions>();
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CifarClassifierOptions>, CifarClassifierOptionsValidator>());

        services.TryAddSingleton<CifarClassifierModel>();
        services.TryAddSingleton<ScoringMetrics>();
        services.TryAddSingleton<ScoringGate>();
        services.AddHostedService<ModelLoader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, HttpMetricsStartupFilter>());
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<ModelLoadedHealthCheck>(ModelLoadedHealthCheck.Name, tags: [ModelLoadedHealthCheck.Name]);
        services.AddOpenApi(openApi => openApi.AddOperationTransformer<ImageRequestBodies>());
        return services;
    }
}
