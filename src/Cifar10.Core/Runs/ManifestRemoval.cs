using Cifar10.Core.Training;

namespace Cifar10.Core.Runs;

/// <summary>
/// Deletes the run folder's <c>manifest.json</c> when training begins: from then on the folder is being rewritten
/// and is no finished run until the manifest is written again. Given after the checkpoint, it runs once the
/// checkpoint is restored, so a resume refused for its settings leaves the finished run as it was.
/// </summary>
internal sealed class ManifestRemoval(RunFolder folder) : ITrainingCallback
{
    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context) => folder.DeleteManifest();
}
