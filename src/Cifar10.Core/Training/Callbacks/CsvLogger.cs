using System.Globalization;
using System.Text;
using Cifar10.Core.Runs;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Keras' CSVLogger: after every epoch, rewrites <c>path</c> (atomically) with one line per epoch
/// so far: epoch, train_loss, train_accuracy, val_loss, val_accuracy, lr, seconds; a diagnostic run's
/// test accuracy after each epoch (<see cref="Trainer.TestCurveImages"/>) adds test_accuracy, and
/// single_view_test_accuracy where the recipe averages several views.
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
        var rows = epochs.ToArray();
        var withTest = rows.Any(e => e.TestAccuracy is not null);
        var withSingleView = rows.Any(e => e.SingleViewTestAccuracy is not null);
        var csv = new StringBuilder(Header).Append(withTest ? ",test_accuracy" : "").Append(withSingleView ? ",single_view_test_accuracy" : "").Append('\n');
        foreach (var e in rows)
        {
            var values = new List<object?> { e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate, e.Seconds };
            if (withTest) values.Add(e.TestAccuracy);
            if (withSingleView) values.Add(e.SingleViewTestAccuracy);
            csv.AppendLine(string.Join(',', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
        return csv.ToString();
    }
}
