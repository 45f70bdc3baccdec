using System.Globalization;
using System.Text;
using System.Text.Json;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Runs;

/// <summary>Writes <c>history.json</c> and <c>history.csv</c> for a run.</summary>
public static class HistoryFiles
{
    /// <summary>The JSON history's file name; its presence marks a folder as a run folder.</summary>
    public const string JsonName = "history.json";

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, TrainingHistory history)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, JsonName), JsonSerializer.Serialize(history, ModelCard.Json));
        var csv = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds\n");
        foreach (var e in history.Epochs)
            csv.AppendLine(string.Join(',', new object[] { e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate, e.Seconds }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        AtomicFile.WriteAllText(Path.Combine(directory, "history.csv"), csv.ToString());
    }
}
