using System.Text.Json;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Training;
using Cifar10.Pipelines.Plots;
using Cifar10.Pipelines.Runs;
using Cifar10.Tests.Shared;
using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

/// <summary>A diagnostic run's accuracy-by-time curve: the test images scored after every epoch (<see cref="RunRequest.TestCurve"/>).</summary>
public class TestCurveTests
{
    [RealDataFact]
    public void A_diagnostic_run_records_test_accuracy_after_each_epoch_and_ends_where_the_run_reports()
    {
        using var temp = new TempDirectory();
        var folder = new RunFolder(temp.File("run"));
        var recipe = TrainingRecipes.Fast with { Epochs = 2, BatchSize = 64 };
        var request = new RunRequest(ModelZoo.Fast(16, 64, 64, "fast-narrow"), recipe, folder) { Seed = 5, TrainLimit = 1_000, TestLimit = 400, TestCurve = true };

        var outcome = TrainingRun.Execute(TestData.Real, request);

        var epochs = outcome.History.Epochs;
        Assert.Equal(2, epochs.Count);
        Assert.All(epochs, e => Assert.InRange(e.TestAccuracy!.Value, 0, 1));
        Assert.All(epochs, e => Assert.InRange(e.SingleViewTestAccuracy!.Value, 0, 1));
        // The fast recipe keeps the last epoch's weights: the curve ends on the accuracies the run reports, views and one view
        // (to float32's precision, in which the curve counts; one image of 400 is 0.0025).
        Assert.Equal(outcome.Results.TestAccuracy, epochs[^1].TestAccuracy!.Value, 6);
        Assert.Equal(outcome.Results.SingleViewTestAccuracy!.Value, epochs[^1].SingleViewTestAccuracy!.Value, 6);

        var csv = File.ReadAllLines(folder.HistoryCsvPath);
        Assert.Equal(Core.Training.Callbacks.CsvLogger.Header + ",test_accuracy,single_view_test_accuracy", csv[0]);
        Assert.Equal(3, csv.Length);
        var saved = JsonSerializer.Deserialize<TrainingHistory>(File.ReadAllText(folder.HistoryPath), RunFolder.Json)!;
        Assert.Equal(epochs.Select(e => e.TestAccuracy), saved.Epochs.Select(e => e.TestAccuracy));
        using var figure = SKBitmap.Decode(folder.LearningCurvesPath);
        Assert.Equal(3 * PngWriter.PanelWidth, figure.Width); // accuracy, loss, and test accuracy by time
    }

    [Fact]
    public void A_history_without_the_diagnostic_has_the_plain_csv_and_json()
    {
        var epoch = new EpochRecord(1, 2.0, 0.2, 1.9, 0.25, 0.01, 3.5);
        Assert.Equal(Core.Training.Callbacks.CsvLogger.Header, Core.Training.Callbacks.CsvLogger.Format([epoch]).Split('\n')[0]);
        Assert.DoesNotContain("testAccuracy", JsonSerializer.Serialize(epoch, RunFolder.Json));
    }
}
