using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Cifar10.Tests.Shared;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>Training events as callbacks, written and used through the public API only.</summary>
[Collection(SerialTorchCollection.Name)]
public class CallbackTests
{
    /// <summary>A user's callback: asks the trainer to stop once <c>count</c> optimizer steps are done.</summary>
    sealed class StopAfterSteps(int count) : ITrainingCallback
    {
        public List<string> Events { get; } = [];

        public void OnTrainBegin(TrainingContext context) => Events.Add("train begin");
        public void OnEpochBegin(TrainingContext context) => Events.Add($"epoch {context.Epoch} begin");
        public void OnBatchBegin(TrainingContext context) => Events.Add($"batch {context.Step} begin");
        public void OnEpochEnd(TrainingContext context, EpochRecord logs) => Events.Add($"epoch {logs.Epoch} end");
        public void OnTrainEnd(TrainingContext context) => Events.Add("train end");

        public void OnBatchEnd(TrainingContext context, BatchLogs logs)
        {
            Events.Add($"batch {logs.Step} end");
            if (logs.Step + 1 >= count) context.StopTraining = true;
        }
    }

    [RealDataFact]
    public void A_custom_callback_sees_the_lifecycle_in_order_and_can_stop_training_after_a_number_of_steps()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 1_000, testLimit: 10);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 3, BatchSize = 100 }, CPU, seed: 1);
        using var model = trainer.CreateModel(ModelZoo.Dense());
        var stop = new StopAfterSteps(12); // 9 batches an epoch: stops 3 batches into epoch 2

        var history = trainer.Fit(model, split.Train, split.Validation, InputScaling.Unit, [stop]);

        Assert.Equal(2, history.Epochs.Count);
        Assert.True(history.StoppedEarly);
        string[] expectedStart = ["train begin", "epoch 1 begin", "batch 0 begin", "batch 0 end", "batch 1 begin"];
        Assert.Equal(expectedStart, stop.Events.Take(expectedStart.Length));
        string[] expectedEnd = ["epoch 1 end", "epoch 2 begin", "batch 9 begin", "batch 9 end", "batch 10 begin", "batch 10 end", "batch 11 begin", "batch 11 end", "epoch 2 end", "train end"];
        Assert.Equal(expectedEnd, stop.Events.TakeLast(expectedEnd.Length));
        Assert.Equal(12, stop.Events.Count(e => e.EndsWith(" end") && e.StartsWith("batch")));
    }

    [RealDataFact]
    public void A_resumed_fast_run_ends_exactly_as_an_uninterrupted_one_lookahead_and_schedule_included()
    {
        using var split = DataSplit.Create(TestData.Real, seed: 4, trainLimit: 600, validationFraction: 0.1, testLimit: 10);
        var recipe = TrainingRecipes.Fast with { Epochs = 3, BatchSize = 64, Precision = TrainingPrecision.Float32, LookaheadPulls = 9 };
        var scaling = InputScaling.Fit(recipe.InputScaling, split.Train);
        using var temp = new TempDirectory();

        var straight = Train(recipe, split, scaling, new TrainingCheckpoint(temp.File("straight.bin"), resume: false), out var straightHistory);
        var interrupted = new TrainingCheckpoint(temp.File("resumed.bin"), resume: false);
        Assert.Throws<OperationCanceledException>(() => Train(recipe, split, scaling, interrupted, out _, interruptAtEpoch: 3));
        var resumed = Train(recipe, split, scaling, new TrainingCheckpoint(temp.File("resumed.bin"), resume: true), out var resumedHistory);

        Assert.Equal(straightHistory.Epochs.Select(WithoutTime), resumedHistory.Epochs.Select(WithoutTime));
        foreach (var (name, tensor) in straight.state_dict())
            Assert.True(tensor.eq(resumed.state_dict()[name]).all().item<bool>(), $"{name} differs after resume");
        straight.Dispose();
        resumed.Dispose();
    }

    [RealDataFact]
    public void The_tensorboard_logger_writes_an_event_file_with_the_epoch_scalars()
    {
        using var temp = new TempDirectory();
        using var split = DataSplit.Create(TestData.Real, seed: 1, trainLimit: 500, testLimit: 10);
        var trainer = new Trainer(TrainingRecipes.Study with { Epochs = 2 }, CPU, seed: 1);
        using var model = trainer.CreateModel(ModelZoo.Dense());
        trainer.Fit(model, split.Train, split.Validation, InputScaling.Unit, [new TensorBoardLogger(temp.File("board"), batchInterval: 1)]);

        var events = Assert.Single(Directory.GetFiles(temp.File("board"), "events.out.tfevents.*"));
        var bytes = File.ReadAllBytes(events);
        foreach (var tag in new[] { "loss/train", "loss/validation", "accuracy/train", "accuracy/validation", "learning_rate", "batch/loss" })
            Assert.True(Contains(bytes, System.Text.Encoding.UTF8.GetBytes(tag)), $"no '{tag}' scalar in {events}");
    }

    static nn.Module<Tensor, Tensor> Train(TrainingRecipe recipe, DataSplit split, InputScaling scaling, TrainingCheckpoint checkpoint, out TrainingHistory history, int? interruptAtEpoch = null)
    {
        var trainer = new Trainer(recipe, CPU, seed: 4);
        var model = trainer.CreateModel(ModelZoo.Get("fast-half"));
        ITrainingCallback[] callbacks = interruptAtEpoch is int epoch ? [new Interrupt(epoch), checkpoint] : [checkpoint];
        try
        {
            history = trainer.Fit(model, split.Train, split.Validation, scaling, callbacks);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    // Stands for a crash in the middle of an epoch: the checkpoint holds the epochs before it.
    sealed class Interrupt(int epoch) : ITrainingCallback
    {
        public void OnBatchEnd(TrainingContext context, BatchLogs logs)
        {
            if (logs.Epoch == epoch && logs.Batch == 2) throw new OperationCanceledException("interrupted");
        }
    }

    static EpochRecord WithoutTime(EpochRecord e) => e with { Seconds = 0 };

    static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
