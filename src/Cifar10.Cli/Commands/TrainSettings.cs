using System.ComponentModel;
using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary>Options of <c>cifar10 train</c> (and the recipe options of <c>experiment</c>).</summary>
internal class RecipeSettings : DataSettings
{
    [CommandOption("--epochs <N>")]
    [Description("Epochs (study: at most 30, early stopping may end sooner; fast: 24).")]
    public int? Epochs { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per step (study: 128; fast: 64).")]
    public int? BatchSize { get; init; }

    [CommandOption("--lr <RATE>")]
    [Description("Initial (study, Adam: 1e-3) or peak (fast, SGD: 0.09) learning rate.")]
    public double? LearningRate { get; init; }

    [CommandOption("--train-limit <N>")]
    [Description("Use only the first N training images (quick runs).")]
    public int? TrainLimit { get; init; }

    [CommandOption("--test-limit <N>")]
    [Description("Evaluate on only the first N test images (quick runs).")]
    public int? TestLimit { get; init; }

    [CommandOption("--input-scaling <MODE>")]
    [Description("unit (pixels ÷ 255, the study's) or standardize (then per-channel mean/std of the training images, the fast recipe's).")]
    public string? InputScaling { get; init; }

    [CommandOption("--precision <TYPE>")]
    [Description("Training arithmetic: fp32 (the study's), bf16 (bfloat16 activations over float32 weights) or auto (the fast recipe's: bf16 where the CPU has it natively, AVX512-BF16 or AMX, else fp32).")]
    public string? Precision { get; init; }

    [CommandOption("--tensorboard <DIR>")]
    [Description("Also write TensorBoard event files, one sub-folder per run under DIR (open with: tensorboard --logdir DIR).")]
    public string? TensorBoard { get; init; }

    [CommandOption("--resume")]
    [Description("Continue from the last epoch checkpoint in --out (default: the newest matching run under artifacts/runs); for train, an error when there is none. Every setting but --epochs must be the one the run started with; a larger --epochs continues a finished run.")]
    public bool Resume { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Output folder (default: artifacts/runs/<name>-<timestamp>). train refuses a folder that already holds files unless --resume or --force is given.")]
    public string? Out { get; init; }

    /// <summary>The TensorBoard logger of run <paramref name="runName"/> when <c>--tensorboard</c> is given.</summary>
    public IEnumerable<ITrainingCallback> TensorBoardFor(string runName) =>
        TensorBoard is null ? [] : [new TensorBoardLogger(Path.Combine(TensorBoard, runName))];

    /// <summary><paramref name="recipe"/> with this command's overrides, validated.</summary>
    public TrainingRecipe Customize(TrainingRecipe recipe) => (recipe with
    {
        Epochs = Epochs ?? recipe.Epochs,
        BatchSize = BatchSize ?? recipe.BatchSize,
        LearningRate = LearningRate ?? recipe.LearningRate,
        InputScaling = InputScaling is null ? recipe.InputScaling : EnumNames.Parse<InputScalingKind>(InputScaling, nameof(TrainingRecipe.InputScaling)),
        Precision = Precision is null ? recipe.Precision : EnumNames.Parse<TrainingPrecision>(Precision, nameof(TrainingRecipe.Precision)),
    }).Validate();

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (TrainLimit is <= 0) return Spectre.Console.ValidationResult.Error($"--train-limit {TrainLimit}: must be a positive number.");
        if (TestLimit is <= 0) return Spectre.Console.ValidationResult.Error($"--test-limit {TestLimit}: must be a positive number.");
        return base.Validate();
    }
}

/// <summary>Options of <c>cifar10 train</c>.</summary>
internal sealed class TrainSettings : RecipeSettings
{
    [CommandOption("-m|--model <ID>")]
    [Description("dense, cnn-3x3 (default), cnn-5x5, any odd cnn-KxK, fast (default of --recipe fast), fast-half or fast-whitened (default of --recipe airbench94).")]
    public string? Model { get; init; }

    [CommandOption("--recipe <NAME>")]
    [Description("study (the original Keras protocol), fast (SGD-Nesterov one-cycle, augmentation, TTA) or airbench94 (airbench94's published settings, batch 1024). Default: the model's own (airbench94 for fast-whitened, fast for fast and fast-half, study otherwise).")]
    public string? Recipe { get; init; }

    [CommandOption("--seed <N>")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--images <DIR>")]
    [Description("Train on your own images instead of CIFAR-10: a folder with one sub-folder of images per class (PNG, JPEG, WebP, GIF, BMP; any size). The run folder gets model.zip, an ML.NET model.")]
    public string? Images { get; init; }

    [CommandOption("--test-images <DIR>")]
    [Description("With --images: a folder of the same classes to evaluate the trained model on (evaluation.json, confusion-matrix.png).")]
    public string? TestImages { get; init; }

    [CommandOption("--image-size <N>")]
    [Description("With --images: the side, in pixels, images are resized to (default 32; the fast models need a multiple of 8).")]
    public int? ImageSize { get; init; }

    [CommandOption("--force")]
    [Description("Replace the run in --out: delete the files a run writes there when training starts. A folder with other files is refused, not emptied.")]
    public bool Force { get; init; }

    [CommandOption("--test-curve")]
    [Description("Diagnostic: score the test set after every epoch (the recipe's views, and one view) into history.json/history.csv and a test-accuracy-by-time panel in learning-curves.png. Each pass costs test-set time; the training minutes do not count it. CIFAR-10 only.")]
    public bool TestCurve { get; init; }

    [CommandOption("--skip-unreadable")]
    [Description("With --images: skip image files that cannot be read (and count them) instead of stopping.")]
    public bool SkipUnreadable { get; init; }

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate()
    {
        if (Images is null && (TestImages is not null || ImageSize is not null || SkipUnreadable))
            return Spectre.Console.ValidationResult.Error("--test-images, --image-size and --skip-unreadable go with --images DIR.");
        if (Images is not null && (Data is not null || TrainLimit is not null || TestLimit is not null || TestCurve))
            return Spectre.Console.ValidationResult.Error("--data, --train-limit, --test-limit and --test-curve are for CIFAR-10; with --images the folder is the data.");
        if (ImageSize is < 8) return Spectre.Console.ValidationResult.Error($"--image-size {ImageSize}: must be at least 8.");
        if (Resume && Force) return Spectre.Console.ValidationResult.Error("--resume and --force: give one (--resume continues the run in the folder, --force replaces it).");
        return base.Validate();
    }

    /// <summary>The model this command trains: <c>--model</c>, else the recipe's usual network, else cnn-3x3.</summary>
    public string ModelId => Model ?? Core.Models.ModelZoo.DefaultModel(Recipe is null ? TrainingRecipes.Study : TrainingRecipes.Get(Recipe));

    /// <summary>The recipe this command trains with: <c>--recipe</c>, else the model's default, with the overrides.</summary>
    public TrainingRecipe ResolveRecipe() =>
        Customize(Recipe is not null ? TrainingRecipes.Get(Recipe) : Core.Models.ModelZoo.DefaultRecipe(ModelId));
}
