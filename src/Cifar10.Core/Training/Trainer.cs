using System.Diagnostics;
using Cifar10.Core.Data;
using Cifar10.Core.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Trains a model with a <see cref="TrainingRecipe"/>; everything that varies between recipes or runs
/// (schedules, early stopping, weight averaging, checkpoints, progress, logs) is an
/// <see cref="ITrainingCallback"/>. One seed makes a CPU run repeatable: each epoch reseeds torch
/// from (seed, epoch) and shuffles with a permutation derived from the same pair, so a run is also
/// resumable at any epoch boundary. libtorch's generator (initialisation, dropout) is one per
/// process, and TorchSharp's dropout takes no generator of its own: a run repeats only while nothing
/// else in the process draws from it, so train one model at a time when repeatability matters.
/// </summary>
public sealed class Trainer
{
    /// <summary>A trainer for <paramref name="recipe"/> (validated here) on <paramref name="device"/>.</summary>
    public Trainer(TrainingRecipe recipe, Device device, int seed = 42)
    {
        Recipe = recipe.Validate();
        Device = device;
        Seed = seed;
        Precision = BFloat16Support.Resolve(recipe.Precision, device.type);
    }

    /// <summary>The recipe in force.</summary>
    public TrainingRecipe Recipe { get; }
    /// <summary>Where the model trains.</summary>
    public Device Device { get; }
    /// <summary>Drives initialisation, shuffling, augmentation and dropout.</summary>
    public int Seed { get; }
    /// <summary>The training passes' arithmetic: the recipe's, with <see cref="TrainingPrecision.Auto"/> resolved for this device.</summary>
    public TrainingPrecision Precision { get; }

    /// <summary>
    /// A diagnostic, off by default: when set, these (test) images are scored after each epoch and the accuracy is kept in
    /// <see cref="EpochRecord.TestAccuracy"/> — the accuracy-by-time curve of a run. The pass comes after the epoch's
    /// seconds are taken, so the curve's time axis is the training alone; it slows the run by one test pass per epoch.
    /// </summary>
    public LabeledImages? TestCurveImages { get; init; }

    /// <summary>Creates a module from <paramref name="definition"/> seeded with the run's seed.</summary>
    public nn.Module<Tensor, Tensor> CreateModel(Models.ModelDefinition definition)
    {
        manual_seed(Seed);
        return definition.CreateModule().to(Device);
    }

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="train"/>, validating on <paramref name="validation"/>
    /// after each epoch, with the recipe's callbacks followed by <paramref name="callbacks"/>.
    /// </summary>
    public TrainingHistory Fit(nn.Module<Tensor, Tensor> model, LabeledImages train, LabeledImages validation, InputScaling scaling,
        IEnumerable<ITrainingCallback>? callbacks = null, CancellationToken cancel = default)
    {
        // A batch larger than the data would make one partial batch per epoch at best, and near int.MaxValue the step count overflows to none.
        if (Recipe.BatchSize > train.Count)
            throw new InvalidSettingException(nameof(TrainingRecipe.BatchSize), Recipe.BatchSize,
                $"is more than the {train.Count:N0} training images (after the validation split); use at most {train.Count:N0}.");
        using var optimizer = Recipe.CreateOptimizer(model);
        var augmenter = Recipe.CreateAugmenter(Seed);
        var recipeCallbacks = Recipe.CreateCallbacks();
        var stepsPerEpoch = (train.Count + Recipe.BatchSize - 1) / Recipe.BatchSize;
        var context = new TrainingContext(model, optimizer, Recipe, Seed, Device, stepsPerEpoch, [.. recipeCallbacks, .. callbacks ?? []]);
        try
        {
            // Before OnTrainBegin, so that a resumed run's checkpoint then puts back the filters it trained with.
            Models.PatchWhitening.FitLayers(model, () => scaling.Apply(train.Pixels.narrow(0, 0, Math.Min(Models.PatchWhitening.FitImages, train.Count)), Device));
            context.Notify(c => c.OnTrainBegin(context));
            for (int epoch = context.History.Count + 1; !context.StopTraining && epoch <= Recipe.Epochs; epoch++)
            {
                context.Epoch = epoch;
                context.Notify(c => c.OnEpochBegin(context));
                var record = RunEpoch(context, augmenter, train, validation, scaling, cancel);
                context.AddEpoch(record);
                context.Notify(c => c.OnEpochEnd(context, record));
            }
            context.Notify(c => c.OnTrainEnd(context));
            return context.ToHistory();
        }
        finally
        {
            foreach (var callback in recipeCallbacks.OfType<IDisposable>()) callback.Dispose();
        }
    }

    EpochRecord RunEpoch(TrainingContext context, BatchAugmenter? augmenter, LabeledImages train, LabeledImages validation, InputScaling scaling, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        manual_seed(EpochSeed(context.Epoch));
        var order = ShuffledOrder(train.Count, context.Epoch);
        double lossSum = 0;
        long correct = 0, seen = 0;
        context.Model.train();
        for (int b = 0; b < context.StepsPerEpoch && !context.StopTraining; b++)
        {
            cancel.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            context.Step = (long)(context.Epoch - 1) * context.StepsPerEpoch + b;
            context.Notify(c => c.OnBatchBegin(context));
            var batch = order.AsSpan(b * Recipe.BatchSize, Math.Min(Recipe.BatchSize, order.Length - b * Recipe.BatchSize)).ToArray();
            var (loss, batchCorrect) = TrainStep(context, augmenter, train, batch, scaling);
            if (!float.IsFinite(loss))
                throw new NonFiniteLossException(context.Epoch, b + 1, context.StepsPerEpoch, context.Step, loss, context.Optimizer.LearningRate);
            lossSum += loss * batch.Length;
            correct += batchCorrect;
            seen += batch.Length;
            var logs = new BatchLogs(context.Epoch, b + 1, context.StepsPerEpoch, context.Step, lossSum / seen, (double)correct / seen, seen / clock.Elapsed.TotalSeconds);
            context.Notify(c => c.OnBatchEnd(context, logs));
        }
        var learningRate = context.Optimizer.LearningRate;
        context.Notify(c => c.OnValidationBegin(context));
        var (validationLoss, validationAccuracy) = ModelEvaluator.Evaluate(context.Model, validation, scaling, Device, Recipe.EvaluationBatchSize, Recipe.EvaluationViews);
        var record = new EpochRecord(context.Epoch, lossSum / seen, (double)correct / seen, validationLoss, validationAccuracy, learningRate, clock.Elapsed.TotalSeconds);
        return TestCurveImages is { } test ? WithTestAccuracy(record, context.Model, test, scaling) : record;
    }

    EpochRecord WithTestAccuracy(EpochRecord record, nn.Module<Tensor, Tensor> model, LabeledImages test, InputScaling scaling)
    {
        var (mean, plain) = ModelEvaluator.PredictProbabilitiesWithPlain(model, test.Pixels, scaling, Device, Recipe.EvaluationBatchSize, Recipe.EvaluationViews);
        using (mean)
        using (plain)
            return record with
            {
                TestAccuracy = ModelEvaluator.LossAndAccuracy(mean, test.Labels).Accuracy,
                SingleViewTestAccuracy = plain is null ? null : ModelEvaluator.LossAndAccuracy(plain, test.Labels).Accuracy,
            };
    }

    // One optimizer step; returns the batch's mean loss and how many images it got right.
    (float Loss, long Correct) TrainStep(TrainingContext context, BatchAugmenter? augmenter, LabeledImages train, long[] batch, InputScaling scaling)
    {
        var indices = tensor(batch);
        var x = scaling.Apply(train.Pixels.index_select(0, indices), Device);
        if (augmenter is not null) x = augmenter.Apply(x, batch, context.Epoch);
        var y = train.Labels.index_select(0, indices).to(Device);
        context.Optimizer.Optimizer.zero_grad();
        var logits = context.Model.forward(ForTrainingPass(x)).to(ScalarType.Float32); // loss and accuracy in float32 whatever the pass ran in
        var loss = nn.functional.cross_entropy(logits, y, label_smoothing: Recipe.LabelSmoothing);
        loss.backward();
        context.Optimizer.Optimizer.step();
        return (loss.item<float>(), logits.argmax(1).eq(y).sum().item<long>());
    }

    /// <summary>The batch in the training pass's type: bfloat16 channels-last (NHWC strides; the
    /// convolutions keep that layout for their outputs) under mixed precision.</summary>
    Tensor ForTrainingPass(Tensor x) => Precision == TrainingPrecision.BFloat16
        ? x.to(ScalarType.BFloat16).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)
        : x;

    long EpochSeed(int epoch) => (long)Seed * 1_000_003 + epoch;

    long[] ShuffledOrder(int count, int epoch)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        new Random((int)(EpochSeed(epoch) % int.MaxValue)).Shuffle(order);
        return order;
    }
}
