using Cifar10.Core.Data;
using Cifar10.Pipelines.Plots;
using Cifar10.Tests.Shared;
using SkiaSharp;

namespace Cifar10.Pipelines.Tests;

public class StudyPlotTests
{
    static readonly long[] Labels = TestData.Real.Test.LabelArray();

    [Fact]
    public void Confusion_matrix_renders_when_a_class_is_never_predicted()
    {
        var probabilities = StudyPlotInputs.Probabilities(Labels, 0.7, seed: 1, neverPredicted: 3);
        var metrics = StudyPlotInputs.Metrics(probabilities, Labels);
        Assert.All(metrics.ConfusionMatrix, row => Assert.Equal(0, row[3]));
        using var temp = new TempDirectory();
        ConfusionMatrixPlot.Save(temp.File("confusion.png"), "cnn-3x3", metrics);
        PngAssert.Readable(temp.File("confusion.png"), minColours: 100, width: 860, height: 760).Dispose();
    }

    [Fact]
    public void Confident_mistakes_are_the_wrong_predictions_sorted_by_confidence()
    {
        var probabilities = StudyPlotInputs.Probabilities(Labels, 0.7, seed: 2);
        var all = ConfidentMistakes.Find(probabilities, Labels, 10, int.MaxValue);
        var correct = Enumerable.Range(0, Labels.Length).Count(i => ArgMax(probabilities.AsSpan(i * 10, 10)) == Labels[i]);
        Assert.Equal(Labels.Length - correct, all.Count);
        Assert.All(all, m => Assert.NotEqual(m.TrueClass, m.PredictedClass));
        Assert.All(all, m => Assert.Equal(probabilities[m.Index * 10 + m.PredictedClass], m.Confidence));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence), "not sorted by confidence");
        Assert.Equal(all.Take(24), ConfidentMistakes.Find(probabilities, Labels, 10, 24));
    }

    [Fact]
    public void Mistakes_plot_draws_the_real_test_images_and_copes_with_fewer_mistakes_than_asked()
    {
        var probabilities = StudyPlotInputs.Probabilities(Labels, 0.7, seed: 3);
        using var temp = new TempDirectory();
        MistakesPlot.Save(temp.File("full.png"), "cnn-3x3", TestData.Real.Test.Pixels, probabilities, Labels, CifarClasses.Names);
        using var full = PngAssert.Readable(temp.File("full.png"), minColours: 5_000);

        // The most confident mistake's own colours appear in the figure: nearest-neighbour scaling keeps
        // them exactly, and swapped or mis-strided channels would not.
        var top = ConfidentMistakes.Find(probabilities, Labels, 10, 1)[0];
        var source = TensorImagesColours(top.Index);
        var drawn = PngAssert.Colours(full);
        Assert.True(source.Count(drawn.Contains) >= 0.95 * source.Count, "the mistaken image is not drawn with its own colours");

        // Only the first 5 test images: at most 5 mistakes although 24 are asked for.
        var few = probabilities.AsSpan(0, 50);
        MistakesPlot.Save(temp.File("few.png"), "cnn-3x3", TestData.Real.Test.Pixels, few, Labels.Take(5).ToArray(), CifarClasses.Names, count: 24);
        using var small = PngAssert.Readable(temp.File("few.png"), minColours: 500);
        Assert.True(small.Height < full.Height, "five mistakes should take one row, not four");

        // A perfect model: no mistakes, the figure still renders and says so.
        var perfect = new float[50];
        for (int i = 0; i < 5; i++) perfect[i * 10 + Labels[i]] = 1;
        MistakesPlot.Save(temp.File("none.png"), "oracle", TestData.Real.Test.Pixels, perfect, Labels.Take(5).ToArray(), CifarClasses.Names);
        PngAssert.Readable(temp.File("none.png"), minColours: 10).Dispose();
    }

    [Fact]
    public void Comparison_curves_handle_a_run_of_one_epoch()
    {
        using var temp = new TempDirectory();
        ComparisonCurvesPlot.Save(temp.File("curves.png"), [("cnn-3x3", StudyPlotInputs.History(12, 0.74, 1)), ("cnn-5x5", StudyPlotInputs.History(1, 0.3, 2))]);
        PngAssert.Readable(temp.File("curves.png"), minColours: 50, width: 1440, height: 500).Dispose();
        ComparisonCurvesPlot.Save(temp.File("one.png"), [("dense", StudyPlotInputs.History(1, 0.4, 3))]);
        PngAssert.Readable(temp.File("one.png"), minColours: 20, width: 1440, height: 500).Dispose();
    }

    [Fact]
    public void Accuracy_comparison_handles_one_model_with_one_seed_and_several_models()
    {
        using var temp = new TempDirectory();
        AccuracyComparisonPlot.Save(temp.File("one.png"), [("cnn-3x3", 0.74, 0, [0.74])]);
        PngAssert.Readable(temp.File("one.png"), minColours: 20, width: 640, height: 500).Dispose();
        AccuracyComparisonPlot.Save(temp.File("three.png"), [("dense", 0.55, 0.01, [0.54, 0.56]), ("cnn-3x3", 0.74, 0.004, [0.737, 0.743]), ("cnn-5x5", 0.72, 0.01, [0.71, 0.73])]);
        using var three = PngAssert.Readable(temp.File("three.png"), minColours: 50);
        Assert.True(three.Width >= 640);
    }

    [Fact]
    public void Per_class_accuracy_handles_one_model_and_a_class_with_zero_recall()
    {
        var metrics = StudyPlotInputs.Metrics(StudyPlotInputs.Probabilities(Labels, 0.7, seed: 4, neverPredicted: 5), Labels);
        Assert.Equal(0, metrics.PerClassRecall[5]);
        using var temp = new TempDirectory();
        PerClassAccuracyPlot.Save(temp.File("one.png"), metrics.ClassNames, [("cnn-3x3", metrics.PerClassRecall)], seeds: 1);
        PngAssert.Readable(temp.File("one.png"), minColours: 30, width: 1100, height: 520).Dispose();
    }

    static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    // Colours of one test image straight from the tensor, independent of the drawing code.
    static HashSet<SKColor> TensorImagesColours(int index)
    {
        using var image = TestData.Real.Test.Pixels[index].contiguous();
        var bytes = image.bytes.ToArray();
        return [.. Enumerable.Range(0, 1024).Select(p => new SKColor(bytes[p], bytes[1024 + p], bytes[2048 + p]))];
    }
}
