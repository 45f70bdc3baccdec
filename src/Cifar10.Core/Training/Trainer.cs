using System.Diagnostics;
using Cifar10.Core.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Trains a model with the study's protocol (see <see cref="TrainingOptions"/>). One seed makes
/// a CPU run repeatable: each epoch reseeds torch from (seed, epoch) and shuffles with a
/// permutation derived from the same pair, so a run is also resumable at any epoch boundary.
/// libtorch's generator (initialisation, dropout) is one per process, and TorchSharp's dropout
/// takes no generator of its own: a run repeats only while nothing else in the process draws
/// from it, so train one model at a time when repeatability matters.
/// </summary>
public sealed class Trainer(TrainingOptions options, Device device)
{
    /// <summary>Receives batch and epoch updates.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>The options in force.</summary>
    public TrainingOptions Options { get; } = options.Validate();

    readonly OptimizerFactory _optimizers = new(options);

    /// <summary>Creates a module from <paramref name="definition"/> seeded with the run's seed.</summary>
    public nn.Module<Tensor, Tensor> CreateModel(Models.ModelDefinition definition)
    {
        torch.manual_seed(Options.Seed);
        return definition.CreateModule().to(device);
    }

    /// <summary>Trains <paramref name="model"/> on <c>split.Train</c>, monitoring <c>split.Validation</c>; the model ends with its best weights.</summary>
    public TrainingHistory Fit(nn.Module<Tensor, Tensor> model, DataSplit split, PixelScaling scaling, CancellationToken cancel = default)
    {
        using var optimizer = _optimizers.Create(model);
        var augmenter = Options.AugmentTranslate > 0 || Options.AugmentFlip ? new BatchAugmenter(Options.AugmentTranslate, Options.AugmentFlip, Options.Seed) : null;
        var scheduler = new PlateauScheduler(Options.LearningRate, Options.LearningRatePatience, Options.LearningRateFactor, Options.MinLearningRate, Options.MinDelta);
        using var stopping = new EarlyStopping(Options.EarlyStoppingPatience);
        var history = new List<EpochRecord>();
        var stoppedEarly = false;
        var finished = false;
        if (Options.Resume && Options.CheckpointPath is { } path && File.Exists(path))
            (history, stoppedEarly, finished) = ResumeFrom(path, model, optimizer, scheduler, stopping);
        // A resumed run restarts the slow weights from the resumed ones (they are not checkpointed).
        using var lookahead = Options.LookaheadPulls > 0 ? new Lookahead(model) : null;
        for (int epoch = history.Count + 1; !finished && epoch <= Options.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            var record = RunEpoch(model, optimizer, augmenter, lookahead, split, scaling, epoch, scheduler.LearningRate, cancel);
            history.Add(record);
            Progress?.Report(new TrainingProgress(epoch, Options.Epochs, 0, 0, record.TrainLoss, record.TrainAccuracy, 0, record));
            if (Options.Schedule == LearningRateSchedule.Plateau)
                _optimizers.SetLearningRate(optimizer, scheduler.Step(record.ValidationLoss));
            var stop = Options.EarlyStopping && stopping.Step(epoch, record.ValidationLoss, model);
            stoppedEarly = stop && epoch < Options.Epochs;
            finished = stop || epoch == Options.Epochs;
            if (Options.CheckpointPath is { } checkpoint)
                TrainingCheckpoint.Save(checkpoint, new TrainingCheckpoint.State(Options.Seed, epoch, finished, stoppedEarly, scheduler.LearningRate,
                    scheduler.Best, scheduler.Wait, stopping.Best, stopping.BestEpoch, stopping.Wait, history), model, stopping.BestWeights, optimizer);
        }
        if (!Options.EarlyStopping)
            return new TrainingHistory(history, history.Count, false, history.Sum(e => e.Seconds));
        stopping.RestoreBest(model);
        return new TrainingHistory(history, stopping.BestEpoch, stoppedEarly, history.Sum(e => e.Seconds)); // training time, summed over epochs so a resumed run counts every epoch once
    }

    (List<EpochRecord> History, bool StoppedEarly, bool Finished) ResumeFrom(string path, nn.Module model, optim.Optimizer optimizer, PlateauScheduler scheduler, EarlyStopping stopping)
    {
        var (state, best) = TrainingCheckpoint.Load(path, model, optimizer);
        if (state.Seed != Options.Seed)
            throw new CifarException($"{path}: checkpoint was made with seed {state.Seed}, not {Options.Seed}; resume with the same seed or another --out.");
        scheduler.Restore(state.LearningRate, state.SchedulerBest, state.SchedulerWait);
        stopping.Restore(state.StoppingBest, state.StoppingBestEpoch, state.StoppingWait, best);
        _optimizers.SetLearningRate(optimizer, state.LearningRate);
        return (state.History.ToList(), state.StoppedEarly, state.Finished);
    }

    EpochRecord RunEpoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, BatchAugmenter? augmenter, Lookahead? lookahead, DataSplit split, PixelScaling scaling, int epoch, double learningRate, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        torch.manual_seed(EpochSeed(epoch));
        var order = ShuffledOrder(split.Train.Count, epoch);
        int batches = (order.Length + Options.BatchSize - 1) / Options.BatchSize;
        long totalSteps = (long)Options.Epochs * batches;
        long lookaheadPeriod = Math.Max(1, totalSteps / Math.Max(1, Options.LookaheadPulls));
        double lossSum = 0;
        long correct = 0, seen = 0;
        model.train();
        for (int b = 0; b < batches; b++)
        {
            cancel.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var batchIndices = order.AsSpan(b * Options.BatchSize, Math.Min(Options.BatchSize, order.Length - b * Options.BatchSize)).ToArray();
            var indices = tensor(batchIndices);
            var x = scaling.Apply(split.Train.Pixels.index_select(0, indices), device);
            if (augmenter is not null) x = augmenter.Apply(x, batchIndices, epoch);
            x = ForTrainingPass(x);
            var step = (long)(epoch - 1) * batches + b; // 0-based over the whole run
            if (Options.Schedule == LearningRateSchedule.OneCycle)
                _optimizers.SetLearningRate(optimizer, learningRate = OneCycleSchedule.Rate(Options.LearningRate, Options.WarmupFraction, step, totalSteps));
            var y = split.Train.Labels.index_select(0, indices).to(device);
            optimizer.zero_grad();
            var logits = model.forward(x).to(ScalarType.Float32); // loss and accuracy in float32 whatever the pass ran in
            var loss = nn.functional.cross_entropy(logits, y, label_smoothing: Options.LabelSmoothing);
            loss.backward();
            optimizer.step();
            var stepsDone = step + 1;
            if (lookahead is not null && (stepsDone % lookaheadPeriod == 0 || stepsDone == totalSteps))
                lookahead.Pull(Lookahead.Decay(stepsDone, totalSteps)); // the pull after the last step leaves the model with the slow weights
            var n = indices.shape[0];
            lossSum += loss.item<float>() * n;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += n;
            Progress?.Report(new TrainingProgress(epoch, Options.Epochs, b + 1, batches, lossSum / seen, (double)correct / seen, seen / clock.Elapsed.TotalSeconds));
        }
        var (validationLoss, validationAccuracy) = ModelEvaluator.Evaluate(model, split.Validation, scaling, device, Options.EvaluationBatchSize, Options.TestTimeViews);
        return new EpochRecord(epoch, lossSum / seen, (double)correct / seen, validationLoss, validationAccuracy, learningRate, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The batch in the training pass's type: bfloat16 channels-last (NHWC strides; the
    /// convolutions keep that layout for their outputs) under mixed precision.</summary>
    Tensor ForTrainingPass(Tensor x) => Options.Precision == TrainingPrecision.BFloat16
        ? x.to(ScalarType.BFloat16).permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2)
        : x;

    long EpochSeed(int epoch) => (long)Options.Seed * 1_000_003 + epoch;

    long[] ShuffledOrder(int count, int epoch)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        new Random((int)(EpochSeed(epoch) % int.MaxValue)).Shuffle(order);
        return order;
    }
}
