using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Tests.Shared;

/// <summary>
/// A real exported ONNX model whose weights are all NaN, so every score it gives is NaN (as a diverged
/// run's would be), made once per test process. No data needed: the weights are never trained.
/// </summary>
public static class NonFiniteModel
{
    static readonly Lazy<string> Folder = new(Create);

    /// <summary>The exported model.</summary>
    public static string OnnxPath => new RunFolder(Folder.Value).OnnxPath;

    static string Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("cifar10-nanmodel-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { } };
        var definition = ModelZoo.Dense();
        using var module = new Trainer(TrainingRecipes.Study, CPU, seed: 1).CreateModel(definition);
        using (no_grad())
            foreach (var parameter in module.parameters()) parameter.fill_(float.NaN);
        new RunFolder(directory).WriteOnnx(OnnxExporter.Build(definition, module, InputScaling.Unit, CifarClasses.Names));
        return directory;
    }
}
