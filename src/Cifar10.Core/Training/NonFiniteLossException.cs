using System.Globalization;

namespace Cifar10.Core.Training;

/// <summary>
/// The training loss became NaN or infinite, so training stopped at that step (as Keras'
/// <c>TerminateOnNaN</c> and Lightning's finiteness check do): once the loss is not finite the weights
/// are too, and every later epoch, the evaluation and the exported model would be garbage.
/// </summary>
public sealed class NonFiniteLossException(int epoch, int batch, int batches, long step, double loss, double learningRate)
    : CifarException(string.Create(CultureInfo.InvariantCulture,
        $"the training loss became {loss} at epoch {epoch}, batch {batch} of {batches} (step {step + 1}); training stopped. " +
        $"The learning rate ({learningRate:G4}) is probably too high: try a lower one."))
{
    /// <summary>The epoch it happened in (from 1).</summary>
    public int Epoch { get; } = epoch;
    /// <summary>The optimizer step it happened at (from 0, counted over the whole run).</summary>
    public long Step { get; } = step;
}
