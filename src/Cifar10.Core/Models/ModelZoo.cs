using Cifar10.Core.Training;

namespace Cifar10.Core.Models;

/// <summary>
/// The built-in architectures, by id: <c>dense</c>, <c>cnn-3x3</c>, <c>cnn-5x5</c>, any odd <c>cnn-KxK</c>,
/// its variants (<see cref="CnnVariant"/>), <c>fast</c>, <c>fast-half</c> and <c>fast-whitened</c>, each for square RGB images of a given side (32 for CIFAR-10) and a
/// given number of classes (10 for CIFAR-10).
/// </summary>
public static class ModelZoo
{
    /// <summary>The ids the study runs by default.</summary>
    public static IReadOnlyList<string> StudyModels { get; } = ["dense", "cnn-3x3", "cnn-5x5"];

    /// <summary>Image side of CIFAR-10.</summary>
    public const int CifarImageSize = 32;
    /// <summary>Classes of CIFAR-10.</summary>
    public const int CifarClasses = 10;

    /// <summary>The dense baseline: Flatten → 512 → 256 → classes with dropout 0.5 (1,707,274 parameters for CIFAR-10).</summary>
    public static ModelDefinition Dense(int imageSize = CifarImageSize, int classes = CifarClasses) => Input(imageSize, classes)
        .Flatten()
        .Dense(512).Dropout(0.5)
        .Dense(256).Dropout(0.5)
        .Dense(classes, Activation.None)
        .Build("dense", $"dense baseline: Flatten → Dense 512 → Dense 256 → Dense {classes}");

    /// <summary>The study's CNN with k×k kernels: 3 × (Conv → BatchNorm → MaxPool), 32/64/128 filters, Dense 128, Dense 10.</summary>
    public static ModelDefinition Cnn(int kernel, int imageSize = CifarImageSize, int classes = CifarClasses) =>
        new CnnVariant(kernel).Build(imageSize, classes);

    /// <summary>
    /// A compact VGG-style network for fast training (in the spirit of the published CIFAR-10
    /// speed-run networks): a 3×3 stem, then three blocks of conv → max-pool → BatchNorm → GELU →
    /// conv → BatchNorm → GELU, global max-pool, a bias-free linear classifier and a logit scale.
    /// BatchNorm learns only its shift (its scale stays 1), and each convolution starts with identity
    /// filters (an implicit residual), as in those networks.
    /// <c>fast</c> uses widths 64/256/256; <c>fast-half</c> 32/128/128 (a quarter of the FLOPs).
    /// With <paramref name="whiteningStem"/> the 3×3 stem is airbench94's instead: a frozen 2×2
    /// patch-whitening convolution (24 channels, fitted on training images, see <see cref="PatchWhiteningSpec"/>)
    /// and GELU, and its BatchNorm settings (momentum 0.4 in PyTorch's sense — its "0.6" — and ε 10⁻¹²):
    /// that network, airbench94's, is <c>fast-whitened</c>.
    /// </summary>
    public static ModelDefinition Fast(int width1 = 64, int width2 = 256, int width3 = 256, string id = "fast", int imageSize = CifarImageSize, int classes = CifarClasses,
        bool whiteningStem = false)
    {
        if (imageSize % 8 != 0)
            throw new InvalidSettingException("ImageSize", imageSize, $"{id} needs a multiple of 8 (three 2×2 poolings, then a global one).");
        var (epsilon, momentum) = whiteningStem ? (1e-12, 0.4) : (1e-5, 0.1);
        var builder = whiteningStem
            ? Input(imageSize, classes).PatchWhitening().Activate(Activation.Gelu)
            : Input(imageSize, classes)
                .Conv2D(width1 / 2, 3, Activation.None, useBias: false, identityInit: true).BatchNorm(epsilon, momentum, trainScale: false).Activate(Activation.Gelu);
        foreach (var width in new[] { width1, width2, width3 })
            builder = builder
                .Conv2D(width, 3, Activation.None, useBias: false, identityInit: true).MaxPool().BatchNorm(epsilon, momentum, trainScale: false).Activate(Activation.Gelu)
                .Conv2D(width, 3, Activation.None, useBias: false, identityInit: true).BatchNorm(epsilon, momentum, trainScale: false).Activate(Activation.Gelu);
        // A 2×2 valid stem leaves 31 pixels, 3 after three poolings (floor): the global pool takes what is left.
        var finalSide = whiteningStem ? (imageSize - 1) / 8 : imageSize / 8;
        return builder.MaxPool(finalSide).Flatten().Dense(classes, Activation.None, useBias: false).Scale(1f / 9f)
            .Build(id, $"fast VGG-style net, {(whiteningStem ? "2×2 patch-whitening stem, " : "")}widths {width1}/{width2}/{width3}, GELU, BatchNorm");
    }

    /// <summary>Looks up a model id for images of <paramref name="imageSize"/> pixels and <paramref name="classes"/> classes; unknown ids give a one-line error listing the valid ones.</summary>
    public static ModelDefinition Get(string id, int imageSize = CifarImageSize, int classes = CifarClasses) => Find(id, imageSize, classes).Definition;

    /// <summary>The recipe a model trains with unless told otherwise: <c>study</c> for the study's networks, <c>fast</c> for <c>fast</c> and <c>fast-half</c>, <c>airbench94</c> for <c>fast-whitened</c>.</summary>
    public static TrainingRecipe DefaultRecipe(string id) => Find(id, CifarImageSize, CifarClasses).Family.Recipe;

    /// <summary>The network a recipe was tuned for, trained when a recipe is chosen without a model: <c>cnn-3x3</c> for <c>study</c>, <c>fast</c> for <c>fast</c>, <c>fast-whitened</c> for <c>airbench94</c>; a recipe under a name of the caller's own gets cnn-3x3.</summary>
    public static string DefaultModel(TrainingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return (Families.FirstOrDefault(f => f.Recipe.Name == recipe.Name) ?? Families[0]).ExampleId;
    }

    // A family of ids: the definition for an id it knows (null for others), for an image size and a
    // class count, the family's default recipe, and its best-known id. A recipe's default model is the
    // first family with that recipe, so the study's CNN comes before the dense baseline.
    sealed record Family(string ExampleId, Func<string, int, int, ModelDefinition?> TryCreate, TrainingRecipe Recipe);

    static readonly Family[] Families =
    [
        new("cnn-3x3", TryCnn, TrainingRecipes.Study),
        new("dense", (id, size, classes) => id == "dense" ? Dense(size, classes) : null, TrainingRecipes.Study),
        new("fast", (id, size, classes) => id == "fast" ? Fast(imageSize: size, classes: classes) : null, TrainingRecipes.Fast),
        new("fast-half", (id, size, classes) => id == "fast-half" ? Fast(32, 128, 128, "fast-half", size, classes) : null, TrainingRecipes.Fast),
        new("fast-whitened", (id, size, classes) => id == "fast-whitened" ? Fast(id: "fast-whitened", imageSize: size, classes: classes, whiteningStem: true) : null, TrainingRecipes.Airbench94),
    ];

    static (ModelDefinition Definition, Family Family) Find(string id, int imageSize, int classes)
    {
        if (imageSize < 8) throw new InvalidSettingException("ImageSize", imageSize, "must be at least 8 pixels.");
        if (classes < 2) throw new InvalidSettingException("Classes", classes, "a classifier needs at least 2 classes.");
        var normalized = (id ?? "").Trim().ToLowerInvariant();
        foreach (var family in Families)
            if (family.TryCreate(normalized, imageSize, classes) is { } definition) return (definition, family);
        throw new InvalidSettingException("Architecture", id, "unknown; expected dense, fast, fast-half, fast-whitened or cnn-KxK with odd K (e.g. cnn-3x3, cnn-5x5), optionally -Nconv, -Nblocks, -strided, -valid (e.g. cnn-3x3-2conv).");
    }

    static ModelDefinition? TryCnn(string id, int imageSize, int classes) => CnnVariant.TryParse(id)?.Build(imageSize, classes);

    static SequentialBuilder Input(int imageSize, int classes)
    {
        if (classes < 2) throw new InvalidSettingException("Classes", classes, "a classifier needs at least 2 classes.");
        return SequentialBuilder.Input(3, imageSize, imageSize);
    }

}
