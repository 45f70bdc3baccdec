using Cifar10.Core.Models;
using Cifar10.Core.Training;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Runs;

/// <summary>What one training run needs: the model, the protocol, the data options and where to write.</summary>
public sealed record TrainRequest(
    ModelDefinition Model,
    TrainingOptions Options,
    Device Device,
    string OutputDirectory,
    string Normalize = "unit",
    int? TrainLimit = null,
    int? TestLimit = null,
    bool Resume = false)
{
    /// <summary>The checkpoint file inside the run folder.</summary>
    public string CheckpointPath => Path.Combine(OutputDirectory, CheckpointFile);

    /// <summary>Name of the per-epoch checkpoint in a run folder.</summary>
    public const string CheckpointFile = "checkpoint.bin";
}
