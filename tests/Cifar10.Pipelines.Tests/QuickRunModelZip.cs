using Cifar10.Core.Runs;
using Cifar10.Pipelines.Runs;
using Cifar10.Tests.Shared;

namespace Cifar10.Pipelines.Tests;

/// <summary>The quick run's network written as <c>model.zip</c>, as every training run writes it, once per test process.</summary>
public static class QuickRunModelZip
{
    static readonly Lazy<string> Zip = new(() =>
    {
        var folder = new RunFolder(QuickRun.Directory);
        using var trained = folder.LoadModel();
        MlNetModel.WriteZip(folder, trained.Definition, trained.Module, trained.Card.InputScaling, trained.Card.ClassNames);
        folder.WriteManifest(); // the folder changed: list model.zip too
        return folder.MlNetModelPath;
    });

    /// <summary>The path of the quick run's model.zip.</summary>
    public static string Path => Zip.Value;
}
