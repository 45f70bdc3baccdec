using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>The training images divided into training and validation parts, plus the test set.</summary>
public sealed class DataSplit(LabeledImages train, LabeledImages validation, LabeledImages test, DataSplitInfo info) : IDisposable
{
    /// <summary>Images the model learns from.</summary>
    public LabeledImages Train { get; } = train;
    /// <summary>Held-out images for early stopping and the LR schedule.</summary>
    public LabeledImages Validation { get; } = validation;
    /// <summary>The official test set (never seen in training).</summary>
    public LabeledImages Test { get; } = test;
    /// <summary>How the split was made.</summary>
    public DataSplitInfo Info { get; } = info;

    /// <summary>The study's share of each class held out for validation (500 per class on the full set).</summary>
    public const double StudyValidationFraction = 0.1;

    /// <summary>
    /// Seeded, stratified split: <paramref name="validationFraction"/> of each class goes to
    /// validation (500 per class, 45,000 / 5,000 on the full set). <paramref name="trainLimit"/>
    /// keeps only the first N training images first; <paramref name="testLimit"/> the first N test images.
    /// </summary>
    public static DataSplit Create(ImageDataset data, int seed, int? trainLimit = null, double validationFraction = StudyValidationFraction, int? testLimit = null)
    {
        RequireTwoOfEachClass(data, trainLimit);
        using var limited = data.Train.Take(trainLimit ?? data.Train.Count);
        var (train, validation) = Stratified(limited, data.ClassNames.Count, seed, validationFraction);
        var test = data.Test.Take(testLimit ?? data.Test.Count);
        var info = new DataSplitInfo(seed, train.Count, validation.Count, test.Count, validation.ClassCounts(data.ClassNames.Count), trainLimit, data.Directory);
        return new DataSplit(train, validation, test, info);
    }

    /// <summary>The fewest images of each class the split works with: one to train on and one to validate on.</summary>
    public const int MinimumPerClass = 2;

    // With fewer, a class (or the whole validation set) comes out empty and training fails deep inside libtorch;
    // say so up front, with the smallest train limit that works on this data.
    static void RequireTwoOfEachClass(ImageDataset data, int? trainLimit)
    {
        var labels = data.Train.LabelArray();
        var used = Math.Min(trainLimit ?? labels.Length, labels.Length);
        var counts = new int[data.ClassNames.Count];
        for (int i = 0; i < used; i++) counts[labels[i]]++;
        var scarce = Array.FindIndex(counts, n => n < MinimumPerClass);
        if (scarce < 0) return;
        var problem = $"too few images to split: {counts[scarce]} of class {data.ClassNames[scarce]}, and every class needs at least {MinimumPerClass} (one to train on, one to validate on)";
        var enough = FewestWithTwoOfEachClass(labels, data.ClassNames.Count);
        if (trainLimit is int limit && enough is int fewest)
            throw new InvalidSettingException("TrainLimit", limit, $"{problem}; the smallest limit that has them in this data is {fewest:N0}.");
        throw new CifarException($"{data.Directory}: {problem}.");
    }

    static int? FewestWithTwoOfEachClass(long[] labels, int classes)
    {
        var counts = new int[classes];
        var lacking = classes;
        for (int i = 0; i < labels.Length; i++)
            if (++counts[labels[i]] == MinimumPerClass && --lacking == 0) return i + 1;
        return null;
    }

    /// <summary>
    /// Seeded, stratified split of <paramref name="images"/>: <paramref name="validationFraction"/> of each
    /// of the <paramref name="classes"/> classes goes to validation (at least one image of a class that has
    /// two or more), the rest to training; both keep the images' original order.
    /// </summary>
    public static (LabeledImages Train, LabeledImages Validation) Stratified(LabeledImages images, int classes, int seed, double validationFraction)
    {
        var labels = images.LabelArray();
        var random = new Random(seed);
        var trainIndices = new List<long>();
        var validationIndices = new List<long>();
        for (int c = 0; c < classes; c++)
        {
            var ofClass = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Select(i => (long)i).ToArray();
            random.Shuffle(ofClass);
            var take = Math.Max((int)Math.Round(ofClass.Length * validationFraction), ofClass.Length > 1 ? 1 : 0);
            validationIndices.AddRange(ofClass.Take(take));
            trainIndices.AddRange(ofClass.Skip(take));
        }
        trainIndices.Sort();
        validationIndices.Sort();
        using var trainIndex = tensor(trainIndices.ToArray());
        using var validationIndex = tensor(validationIndices.ToArray());
        return (images.Select(trainIndex), images.Select(validationIndex));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}

/// <summary>What a run records about its split.</summary>
public sealed record DataSplitInfo(int Seed, int TrainCount, int ValidationCount, int TestCount, int[] ValidationPerClass, int? TrainLimit, string DataDirectory);
