using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Runs;
using Cifar10.Core.Runtime;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Pipelines.Runs;
using Cifar10.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Pipelines.Trainers;

/// <summary>
/// A convolutional network as an ML.NET multiclass trainer: <c>Fit</c> reads the images once, trains
/// a network of the model zoo (or any <see cref="SequentialBuilder"/> definition) with a recipe on
/// TorchSharp, exports it to ONNX and returns a chain of ML.NET's own transforms (see
/// <see cref="ImagePipeline"/>) that adds <c>Score</c> (class probabilities in the label key's order)
/// and <c>PredictedLabel</c> (the label's key type), as ML.NET's multiclass trainers do. The fitted
/// model is a plain ML.NET model: <c>mlContext.Model.Save</c> writes it, and an app that references
/// only ML.NET's packages loads it and scores through a <c>PredictionEngine</c>.
/// Create it with <c>mlContext.MulticlassClassification.Trainers.ConvNet(...)</c>.
/// </summary>
public sealed partial class ConvNetTrainer : IEstimator<TransformerChain<ITransformer>>
{
    readonly Options _options;
    readonly MLContext _mlContext;

    /// <summary>A trainer with <paramref name="options"/> (validated here).</summary>
    public ConvNetTrainer(Options options)
    {
        _options = options.Validate();
        _mlContext = new MLContext(options.Seed);
    }

    /// <summary>How the last <see cref="Fit"/> went (null before the first).</summary>
    public ConvNetFit? LastFit { get; private set; }

    /// <summary>Reads, trains, exports and returns the fitted chain; every bad input is a one-line error before training starts.</summary>
    public TransformerChain<ITransformer> Fit(IDataView input)
    {
        var o = _options;
        var classNames = CheckColumns(input.Schema, o);
        var imageIsPath = input.Schema[o.ImageColumnName].Type is TextDataViewType;
        var definition = o.Definition ?? ModelZoo.Get(o.Architecture, o.ImageSize, classNames.Count);
        CheckDefinition(definition, o.ImageSize, classNames.Count);
        var recipe = RecipeFor(o);
        var device = o.Device.ToTorch();

        var read = ImageCache.Read(_mlContext, input, o.LabelColumnName, o.ImageColumnName, o.ImageSize, o.SkipUnreadableImages, o.Progress);
        var (train, validation, skipped) = Split(read, classNames, recipe);
        try
        {
            if (train.Count == 0) throw new CifarException("the training data has no images with a label.");
            // Without an explicit BatchSize, a folder smaller than the recipe's batch trains in one batch of all its
            // images (the step it always took); an explicit one larger than the data is refused by the trainer.
            if (o.BatchSize is null && recipe.BatchSize > train.Count) recipe = recipe with { BatchSize = train.Count };
            var scaling = InputScaling.Fit(recipe.InputScaling, train);
            var trainer = new Trainer(recipe, device, o.Seed);
            using var module = trainer.CreateModel(definition);
            var folder = o.RunDirectory is null ? null : new RunFolder(o.RunDirectory).Create();
            var recalibration = o.RecalibrateBatchNorm ? new BatchNormRecalibration(train, scaling, recipe.BatchSize) : null;
            ITrainingCallback[] callbacks =
            [
                new ProgressReporter(o.Progress), .. o.Callbacks, .. recalibration is null ? [] : new ITrainingCallback[] { recalibration },
                .. folder is null ? [] : new ITrainingCallback[] { folder.HistoryCsv(), folder.Checkpoint(o.Resume, CheckpointSettings(definition, o)), folder.ManifestRemoval() },
            ];
            var history = trainer.Fit(module, train, validation, scaling, callbacks, o.CancellationToken);

            if (folder is not null) SaveRun(folder, definition, module, scaling, classNames, history, o.Seed);
            var chain = MlNetModel.Fit(_mlContext, input, o.ImageColumnName, imageIsPath, definition, module, scaling, classNames);
            LastFit = new ConvNetFit(definition, recipe, history, trainer.Precision, scaling, classNames, train.Count, validation.Count, skipped, recalibration?.Layers ?? 0);
            return chain;
        }
        finally
        {
            train.Dispose();
            validation.Dispose();
        }
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => OutputSchema.Of(_mlContext, inputSchema, _options);

    (LabeledImages Train, LabeledImages Validation, int Skipped) Split(ImageCache.Result read, IReadOnlyList<string> classNames, TrainingRecipe recipe)
    {
        if (_options.ValidationData is not { } validationData)
        {
            using var all = read.Images;
            var (train, validation) = DataSplit.Stratified(all, classNames.Count, _options.Seed, recipe.ValidationFraction);
            return (train, validation, read.Skipped);
        }
        CheckColumns(validationData.Schema, _options);
        var held = ImageCache.Read(_mlContext, validationData, _options.LabelColumnName, _options.ImageColumnName, _options.ImageSize, _options.SkipUnreadableImages, _options.Progress);
        return (read.Images, held.Images, read.Skipped + held.Skipped);
    }

    static TrainingRecipe RecipeFor(Options o)
    {
        var recipe = o.Recipe ?? (o.Definition is null ? ModelZoo.DefaultRecipe(o.Architecture) : TrainingRecipes.Study);
        return (recipe with
        {
            Epochs = o.Epochs ?? recipe.Epochs,
            BatchSize = o.BatchSize ?? recipe.BatchSize,
            ValidationFraction = o.ValidationFraction ?? recipe.ValidationFraction,
        }).Validate();
    }

    static void SaveRun(RunFolder folder, ModelDefinition definition, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> module,
        InputScaling scaling, IReadOnlyList<string> classNames, TrainingHistory history, int seed)
    {
        folder.SaveModel(module, new ModelCard
        {
            Architecture = definition.Id,
            Definition = definition,
            Kernel = definition.Layers.Select(l => l.Spec).OfType<Conv2DSpec>().FirstOrDefault()?.Kernel,
            InputScaling = scaling,
            ClassNames = classNames,
            Seed = seed,
            TotalParameters = definition.TotalParameters,
            TrainableParameters = definition.TrainableParameters,
        });
        folder.WriteOnnx(OnnxExporter.Build(definition, module, scaling, classNames), temp => Scoring.OnnxModelValidator.Validate(temp));
        folder.WriteHistory(history);
        folder.WriteManifest(); // last (a caller that adds files, as ImageFolderRun does, rewrites it)
    }

    // What the checkpoint records beside the recipe and seed, so that resuming with other values is refused.
    static Dictionary<string, object?> CheckpointSettings(ModelDefinition definition, Options o) => new()
    {
        [nameof(Options.Architecture)] = definition.Id, [nameof(Options.ImageSize)] = o.ImageSize,
    };

    // The class names in the label key's order; one-line errors for missing or mistyped columns.
    static IReadOnlyList<string> CheckColumns(DataViewSchema schema, Options o)
    {
        var label = schema.GetColumnOrNull(o.LabelColumnName)
            ?? throw new InvalidSettingException(nameof(Options.LabelColumnName), o.LabelColumnName, $"no such column (the data has {string.Join(", ", schema.Select(c => c.Name))}).");
        if (label.Type is not KeyDataViewType key)
            throw new InvalidSettingException(nameof(Options.LabelColumnName), o.LabelColumnName,
                $"is {label.Type}, not a key type: add mlContext.Transforms.Conversion.MapValueToKey(\"{o.LabelColumnName}\") before the trainer.");
        if (key.Count < 2 || key.Count > int.MaxValue)
            throw new InvalidSettingException(nameof(Options.LabelColumnName), o.LabelColumnName, $"has {key.Count} classes; a classifier needs at least 2.");
        var image = schema.GetColumnOrNull(o.ImageColumnName)
            ?? throw new InvalidSettingException(nameof(Options.ImageColumnName), o.ImageColumnName, $"no such column (the data has {string.Join(", ", schema.Select(c => c.Name))}).");
        if (image.Type is not (TextDataViewType or ImageDataViewType))
            throw new InvalidSettingException(nameof(Options.ImageColumnName), o.ImageColumnName, $"is {image.Type}; expected an image path (text) or an MLImage.");
        return KeyNames(label, (int)key.Count);
    }

    static IReadOnlyList<string> KeyNames(DataViewSchema.Column label, int count)
    {
        var names = Enumerable.Range(1, count).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (label.Annotations.Schema.GetColumnOrNull("KeyValues") is not { Type: VectorDataViewType { ItemType: TextDataViewType } })
            return names; // keys without text values (e.g. mapped from numbers) are named by their key
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        label.GetKeyValues(ref values);
        var dense = values.DenseValues().Select(v => v.ToString()).ToArray();
        return dense.Length == count ? dense : names;
    }

    static void CheckDefinition(ModelDefinition definition, int imageSize, int classes)
    {
        if (!definition.Input.Equals(new Shape(3, imageSize, imageSize)))
            throw new InvalidSettingException(nameof(Options.Definition), definition.Id, $"takes input {definition.Input}, but the images are resized to (None, 3, {imageSize}, {imageSize}) (ImageSize).");
        if (!definition.Output.Equals(new Shape(classes)))
            throw new InvalidSettingException(nameof(Options.Definition), definition.Id, $"outputs {definition.Output}, but the label has {classes} classes.");
    }

    // Relays the trainer's batch and epoch ends to the caller's IProgress.
    sealed class ProgressReporter(IProgress<ConvNetProgress>? progress) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingContext context, BatchLogs logs) =>
            progress?.Report(new ConvNetProgress(ConvNetProgress.Training, logs.Step + 1, context.TotalSteps, logs));

        public void OnEpochEnd(TrainingContext context, EpochRecord logs) =>
            progress?.Report(new ConvNetProgress(ConvNetProgress.Training, context.Step + 1, context.TotalSteps, Epoch: logs));
    }
}
