using Cifar10.Core.Data;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments;

/// <summary>
/// Tests the likeliest explanation of a "collapse" such as the original 5×5 result (25.76 %, loss
/// 2.86): a model trained on pixels scaled one way but evaluated on pixels scaled another. The
/// trained model is evaluated on its test images (one view each) as trained, on raw 0–255 pixels
/// (scaling forgotten) and on pixels divided by 255 twice (scaling applied twice).
/// </summary>
internal static class ScalingDiagnosis
{
    /// <summary>Condition names, in report order.</summary>
    public const string AsTrained = "as trained", RawPixels = "raw 0–255 pixels (scaling forgotten)", ScaledTwice = "divided by 255 twice";

    /// <summary>Evaluates the run's model, still in memory, under every condition.</summary>
    public static IReadOnlyList<DiagnosisRow> Run(TrainedRun run)
    {
        var conditions = new (string Name, InputScaling Scaling)[]
        {
            (AsTrained, run.Scaling),
            (RawPixels, ForPixelsMultipliedBy(run.Scaling, 255f)),
            (ScaledTwice, ForPixelsMultipliedBy(run.Scaling, 1f / 255f)),
        };
        return conditions.Select(c =>
        {
            var (loss, accuracy) = ModelEvaluator.Evaluate(run.Module, run.Split.Test, c.Scaling, run.Request.Device);
            return new DiagnosisRow(run.Request.Model.Id, run.Request.Seed, c.Name, accuracy, loss);
        }).ToArray();
    }

    /// <summary>The condition whose accuracy is nearest <paramref name="accuracy"/>.</summary>
    public static DiagnosisRow Closest(IEnumerable<DiagnosisRow> rows, double accuracy) =>
        rows.MinBy(r => Math.Abs(r.Accuracy - accuracy))!;

    // The same scaling, but with the pixel values fed to it multiplied by factor first: a model
    // trained on x/255 that receives x sees factor·x/255.
    static InputScaling ForPixelsMultipliedBy(InputScaling scaling, float factor) =>
        new(InputScalingKind.Standardize, scaling.Mean.Select(m => m / factor).ToArray(), scaling.Std.Select(s => s / factor).ToArray());
}
