namespace Cifar10.Pipelines.Experiments;

/// <summary>
/// What the original Keras study reported (single runs on its cloud notebook), by model: the
/// figures an experiment's findings are compared with. Data, not behaviour: a model without a
/// reported figure is simply not compared.
/// </summary>
public static class OriginalStudy
{
    /// <summary>One reported result.</summary>
    /// <param name="Accuracy">Test accuracy, 0–1.</param>
    /// <param name="Loss">Test loss, when the study gave one.</param>
    public sealed record Reported(double Accuracy, double? Loss);

    /// <summary>The reported results: cnn-3x3 74.07 % (loss 0.79), cnn-5x5 25.76 % (loss 2.86), described there as a collapse.</summary>
    public static IReadOnlyDictionary<string, Reported> Results { get; } = new Dictionary<string, Reported>
    {
        ["cnn-3x3"] = new(0.7407, 0.79),
        ["cnn-5x5"] = new(0.2576, 2.86),
    };

    /// <summary>The reported result of <paramref name="model"/>, or null.</summary>
    public static Reported? For(string model) => Results.GetValueOrDefault(model);
}
