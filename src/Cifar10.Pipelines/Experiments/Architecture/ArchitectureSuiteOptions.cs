using Cifar10.Core;
using Cifar10.Core.Data;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>
/// What the architecture suite runs and at what size. Every cell trains with the study's Keras
/// protocol (Adam, batch 128, early stopping with the best weights restored, ReduceLROnPlateau, a
/// stratified 10 % validation split) capped at <see cref="Epochs"/> epochs, on the first images of the
/// training set. The defaults fit the whole suite in well under 100 minutes on two CPU cores;
/// <see cref="Full"/> is the study's own size.
/// </summary>
public sealed record ArchitectureSuiteOptions
{
    /// <summary>The parts to run (default: all).</summary>
    public IReadOnlyList<SuitePart> Parts { get; init; } = SuiteParts.Every;
    /// <summary>Seeds per cell; seeds are <see cref="BaseSeed"/>, +1, +2…</summary>
    public int Seeds { get; init; } = 3;
    /// <summary>First seed.</summary>
    public int BaseSeed { get; init; } = 42;
    /// <summary>Training images of every cell except the sample-efficiency ones (default 10,000).</summary>
    public int TrainImages { get; init; } = 10_000;
    /// <summary>Training-set sizes of the sample-efficiency part.</summary>
    public IReadOnlyList<int> SampleSizes { get; init; } = [5_000, 10_000, 20_000, 45_000];
    /// <summary>Most epochs of any run (early stopping may end it sooner).</summary>
    public int Epochs { get; init; } = 10;
    /// <summary>Test images every run is scored on: the first this many (null: all 10,000). Fewer make a quick look, not a claim.</summary>
    public int? TestLimit { get; init; }
    /// <summary>Pixel shifts of the translation part.</summary>
    public IReadOnlyList<int> Shifts { get; init; } = Enumerable.Range(0, 9).ToArray();
    /// <summary>Seed of the fixed pixel permutation of the locality part.</summary>
    public int PermutationSeed { get; init; } = 1;
    /// <summary>Where the suite's folder goes.</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Training device.</summary>
    public Device Device { get; init; } = CPU;
    /// <summary>Keep the runs already finished in <see cref="OutputDirectory"/> and train only the rest.</summary>
    public bool Resume { get; init; }

    /// <summary>The study's size: all 45,000 training images and its 30 epochs.</summary>
    public ArchitectureSuiteOptions Full() => this with { TrainImages = 45_000, Epochs = 30 };

    /// <summary>Training images a cell can have: CIFAR-10's 50,000 less the validation tenth.</summary>
    public const int MaxTrainImages = 45_000;
    /// <summary>Fewest training images a cell can have (a few per class and batch).</summary>
    public const int MinTrainImages = 500;

    /// <summary>The seeds every cell is trained with.</summary>
    public IReadOnlyList<int> SeedList => Enumerable.Range(BaseSeed, Seeds).ToArray();

    /// <summary>Throws an <see cref="InvalidSettingException"/> naming the first bad setting; returns the options.</summary>
    public ArchitectureSuiteOptions Validate(int imageSize = Core.Models.ModelZoo.CifarImageSize)
    {
        if (Parts.Count == 0) throw new InvalidSettingException("Suite", "(none)", "name at least one suite part.");
        InvalidSettingException.RequirePositive(nameof(Seeds), Seeds);
        InvalidSettingException.RequirePositive(nameof(Epochs), Epochs);
        RequireTrainImages(nameof(TrainImages), TrainImages);
        if (TestLimit is int test) InvalidSettingException.RequirePositive(nameof(TestLimit), test);
        if (SampleSizes.Count == 0) throw new InvalidSettingException(nameof(SampleSizes), "(none)", "name at least one training-set size.");
        foreach (var size in SampleSizes) RequireTrainImages(nameof(SampleSizes), size);
        if (Shifts.Count == 0) throw new InvalidSettingException(nameof(Shifts), "(none)", "name at least one shift.");
        foreach (var shift in Shifts)
            if (shift < 0 || shift >= imageSize)
                throw new InvalidSettingException("Shift", shift, $"is outside the {imageSize}×{imageSize} image; shifts run from 0 to {imageSize - 1} pixels.");
        return this;
    }

    static void RequireTrainImages(string setting, int images)
    {
        if (images < MinTrainImages || images > MaxTrainImages)
            throw new InvalidSettingException(setting, images, $"training images must be between {MinTrainImages:N0} and {MaxTrainImages:N0} (CIFAR-10's 50,000 less the validation tenth).");
    }

    /// <summary>
    /// Training images to read for <paramref name="trainImages"/> to remain after the stratified
    /// validation tenth is held out.
    /// </summary>
    public static int TrainLimitFor(int trainImages) =>
        Math.Min(50_000, (int)Math.Round(trainImages / (1 - DataSplit.StudyValidationFraction)));
}
