using System.Globalization;
using System.Text;
using Cifar10.Core.Runs;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Keras' CSVLogger: after every epoch, rewrites <c>path</c> (atomically) with one line per epoch
/// so far: epoch, train_loss, train_accuracy, val_loss, val_accuracy, lr, seconds.
/// </summary>
public sealed class CsvLogger(string path) : ITrainingCallback
{
    /// <summary>The header line.</summary>
    public const string Header = "epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds";

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs) => AtomicFile.WriteAllText(path, Format(context.History));

    /// <summary>The CSV text of <paramref name="epochs"/>.</summary>
    public static string Format(IEnumerable<EpochRecord> epochs)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var e in epochs)
            csv.AppendLine(string.Join(',', new object[] { e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate, e.Seconds }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        return csv.ToString();
    }
}
