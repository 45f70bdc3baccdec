using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Writes TensorBoard event files into <c>directory</c> through TorchSharp's <c>SummaryWriter</c>:
/// per epoch <c>loss/train</c>, <c>loss/validation</c>, <c>accuracy/train</c>, <c>accuracy/validation</c>
/// and <c>learning_rate</c> (step = epoch); every <c>batchInterval</c> steps <c>batch/loss</c>,
/// <c>batch/accuracy</c> and <c>batch/learning_rate</c> (step = optimizer step). Open with
/// <c>tensorboard --logdir</c> on the directory or a folder above it (one sub-folder per run).
/// </summary>
public sealed class TensorBoardLogger(string directory, int batchInterval = 50) : ITrainingCallback
{
    SummaryWriter? _writer;

    /// <summary>Where the event files go.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context)
    {
        Runs.AtomicFile.EnsureDirectory(Directory);
        _writer = utils.tensorboard.SummaryWriter(Directory);
    }

    /// <inheritdoc />
    public void OnBatchEnd(TrainingContext context, BatchLogs logs)
    {
        if (_writer is null || batchInterval <= 0 || (logs.Step + 1) % batchInterval != 0) return;
        var step = checked((int)(logs.Step + 1));
        _writer.add_scalar("batch/loss", (float)logs.Loss, step);
        _writer.add_scalar("batch/accuracy", (float)logs.Accuracy, step);
        _writer.add_scalar("batch/learning_rate", (float)context.Optimizer.LearningRate, step);
    }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs)
    {
        if (_writer is null) return;
        _writer.add_scalar("loss/train", (float)logs.TrainLoss, logs.Epoch);
        _writer.add_scalar("loss/validation", (float)logs.ValidationLoss, logs.Epoch);
        _writer.add_scalar("accuracy/train", (float)logs.TrainAccuracy, logs.Epoch);
        _writer.add_scalar("accuracy/validation", (float)logs.ValidationAccuracy, logs.Epoch);
        _writer.add_scalar("learning_rate", (float)logs.LearningRate, logs.Epoch);
    }
}
