using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Tests.Shared;

/// <summary>
/// A real exported ONNX model that gives NaN scores for bright images (as a diverged run's model would),
/// made once per test process. No data needed: its weights are set, not trained.
/// </summary>
public static class NonFiniteModel
{
    static readonly Lazy<string> Folder = new(Create);

    /// <summary>The exported model.</summary>
    public static string OnnxPath => new RunFolder(Folder.Value).OnnxPath;

    static string Create()
    {
        var directory = ProcessTempFolder.Create("cifar10-nanmodel-");
        var definition = ModelZoo.Dense();
        using var module = new Trainer(TrainingRecipes.Study, CPU, seed: 1).CreateModel(definition);
        using (no_grad())
        {
            foreach (var parameter in module.parameters()) parameter.zero_();
            // Two hidden units read the first two pixels with weights near float's maximum: an image as
            // bright as white overflows them to +∞, and the last layer's ∞ − ∞ is NaN. ONNX Runtime's check
            // at load time feeds pixels 0 and 1 there, which stay finite, so the model loads.
            var weights = module.parameters().Where(p => p.dim() == 2).ToArray();
            var (first, second, last) = (weights[0], weights[1], weights[^1]);
            foreach (var unit in new long[] { 0, 1 })
            {
                first[unit, 0] = 3e38f;
                first[unit, 1] = 3e38f;
                second[unit, unit] = 1f;
            }
            last[0, 0] = 1f;
            last[0, 1] = -1f;
        }
        new RunFolder(directory).WriteOnnx(OnnxExporter.Build(definition, module, InputScaling.Unit, CifarClasses.Names));
        return directory;
    }
}
