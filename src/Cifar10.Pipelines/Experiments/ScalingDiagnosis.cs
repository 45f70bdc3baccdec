using Cifar10.Core.Data;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Experiments;

/// <summary>
/// Tests the likeliest explanation of the original 5×5 result (25.76 %, loss 2.86): a model
/// trained on pixels scaled to [0,1] but evaluated on pixels scaled differently. Each trained
/// model is evaluated on the test set as trained, on raw 0–255 pixels (scaling forgotten) and
/// on pixels divided by 255 twice (scaling applied twice).
/// </summary>
public static class ScalingDiagnosis
{
    /// <summary>The original study's reported 5×5 test accuracy and loss.</summary>
    public const double OriginalAccuracy = 0.2576, OriginalLoss = 2.86;

    /// <summary>Condition names, in report order.</summary>
    public const string AsTrained = "as trained", RawPixels = "raw 0–255 pixels (scaling forgotten)", ScaledTwice = "divided by 255 twice";

    /// <summary>Evaluates the model in <paramref name="runDirectory"/> under every condition.</summary>
    public static IReadOnlyList<DiagnosisRow> Run(string runDirectory, CifarImages test, Device device)
    {
        using var model = TrainedModel.Load(runDirectory, device);
        var trained = model.Card.Normalization;
        var conditions = new (string Name, PixelScaling Scaling)[]
        {
            (AsTrained, trained),
            (RawPixels, MultiplyBy(trained, 255f)),
            (ScaledTwice, MultiplyBy(trained, 1f / 255f)),
        };
        return conditions.Select(c =>
        {
            var (loss, accuracy) = ModelEvaluator.Evaluate(model.Module, test, c.Scaling, device);
            return new DiagnosisRow(model.Card.Architecture, model.Card.Seed, c.Name, accuracy, loss);
        }).ToArray();
    }

    /// <summary>The condition whose accuracy is nearest the original 25.76 %.</summary>
    public static DiagnosisRow Closest(IEnumerable<DiagnosisRow> rows) =>
        rows.MinBy(r => Math.Abs(r.Accuracy - OriginalAccuracy))!;

    // The same scaling, but with the pixel values fed to it multiplied by factor first: a model
    // trained on x/255 that receives x sees factor·x/255.
    static PixelScaling MultiplyBy(PixelScaling scaling, float factor) =>
        new("standardize", scaling.Mean.Select(m => m / factor).ToArray(), scaling.Std.Select(s => s / factor).ToArray());
}
