using System.Runtime.ExceptionServices;
using Cifar10.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cifar10.Serving;

/// <summary>
/// The served model, loaded once in the background when the app starts (a model can take seconds to
/// load, and the app should answer <c>/health</c> meanwhile). Until it is loaded the endpoints answer
/// 503; a model that cannot be loaded keeps them at 503 and <c>/health</c> unhealthy, with
/// <see cref="LoadError"/> saying why.
/// </summary>
public sealed class CifarClassifierModel : IDisposable
{
    readonly string _modelPath;
    readonly ILogger<CifarClassifierModel> _logger;
    readonly Lazy<Task> _loading;
    volatile ImageClassifier? _classifier;
    volatile Exception? _loadError;
    ModelDescription? _description;

    /// <summary>A model not loaded yet; <see cref="LoadAsync"/> loads it.</summary>
    public CifarClassifierModel(IOptions<CifarClassifierOptions> options, ILogger<CifarClassifierModel> logger)
    {
        _modelPath = options.Value.ModelPath;
        _logger = logger;
        _loading = new Lazy<Task>(() => Task.Run(Load));
    }

    /// <summary>The model file.</summary>
    public string ModelPath => _modelPath;

    /// <summary>True until loading has finished, well or not.</summary>
    public bool IsLoading => _classifier is null && _loadError is null;

    /// <summary>Why the model could not be loaded (a one-line <see cref="ScoringException"/> for a bad file), or null.</summary>
    public Exception? LoadError => _loadError;

    /// <summary>The loaded classifier, or null while loading or after a failed load.</summary>
    public ImageClassifier? Classifier => _classifier;

    /// <summary>What <c>GET /model</c> says, once loaded.</summary>
    public ModelDescription? Description => _description;

    /// <summary>
    /// Starts loading (once; later calls wait for the same load) and completes when it is done; a model that
    /// cannot be loaded rethrows <see cref="LoadError"/>. Cancelling stops the wait, not the load.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await _loading.Value.WaitAsync(cancellationToken);
        if (_loadError is { } error) ExceptionDispatchInfo.Throw(error);
    }

    void Load()
    {
        try
        {
            var classifier = ImageClassifier.Load(_modelPath);
            _description = ModelDescription.Of(classifier);
            _classifier = classifier;
            _logger.LogInformation("Loaded {ModelPath} ({Classes} classes)", _modelPath, classifier.ClassNames.Count);
        }
        catch (Exception e)
        {
            _loadError = e;
            _logger.LogError("Cannot load {ModelPath}: {Error}", _modelPath, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _classifier?.Dispose();
}
