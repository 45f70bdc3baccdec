using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Trainers;

/// <summary>What the <see cref="ConvNetTrainer"/> is doing: reading (and decoding) images, then training.</summary>
/// <param name="Stage">"reading images" or "training".</param>
/// <param name="Done">Images read so far, or optimizer steps done.</param>
/// <param name="Total">Images to read, or optimizer steps in the run.</param>
/// <param name="Batch">While training: the last batch's logs.</param>
/// <param name="Epoch">When an epoch has ended: its record.</param>
public sealed record ConvNetProgress(string Stage, long Done, long Total, BatchLogs? Batch = null, EpochRecord? Epoch = null)
{
    /// <summary>The stage of reading images.</summary>
    public const string Reading = "reading images";
    /// <summary>The stage of training.</summary>
    public const string Training = "training";
}
