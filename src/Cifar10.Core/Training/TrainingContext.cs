using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>What callbacks see of a run in progress, and the few things they may change.</summary>
public sealed class TrainingContext
{
    readonly List<EpochRecord> _history = [];

    /// <summary>The trainer makes one per run; create one yourself only to test a callback on its own.</summary>
    public TrainingContext(nn.Module<Tensor, Tensor> model, TrainingOptimizer optimizer, TrainingRecipe recipe, int seed, Device device, int stepsPerEpoch, IReadOnlyList<ITrainingCallback> callbacks)
    {
        Model = model;
        Optimizer = optimizer;
        Recipe = recipe;
        Seed = seed;
        Device = device;
        StepsPerEpoch = stepsPerEpoch;
        Callbacks = callbacks;
    }

    /// <summary>The network being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }
    /// <summary>Its optimizer; schedules set <see cref="TrainingOptimizer.LearningRate"/>.</summary>
    public TrainingOptimizer Optimizer { get; }
    /// <summary>The recipe in force.</summary>
    public TrainingRecipe Recipe { get; }
    /// <summary>The run's seed.</summary>
    public int Seed { get; }
    /// <summary>Where the model runs.</summary>
    public Device Device { get; }
    /// <summary>Every callback of the run, the recipe's first.</summary>
    public IReadOnlyList<ITrainingCallback> Callbacks { get; }

    /// <summary>Epochs the run is set to train.</summary>
    public int Epochs => Recipe.Epochs;
    /// <summary>Optimizer steps (batches) per epoch.</summary>
    public int StepsPerEpoch { get; }
    /// <summary>Optimizer steps over the whole run.</summary>
    public long TotalSteps => (long)Epochs * StepsPerEpoch;
    /// <summary>The current epoch, from 1.</summary>
    public int Epoch { get; internal set; }
    /// <summary>The current (or last) optimizer step over the run, from 0.</summary>
    public long Step { get; internal set; }
    /// <summary>The epochs finished so far, a resumed run's earlier epochs included.</summary>
    public IReadOnlyList<EpochRecord> History => _history;

    /// <summary>Set to stop training after the current batch (Keras' <c>model.stop_training</c>).</summary>
    public bool StopTraining { get; set; }
    /// <summary>The epoch whose weights the model ends with, when a callback restores an earlier one; null: the last.</summary>
    public int? KeptEpoch { get; set; }

    internal void AddEpoch(EpochRecord record) => _history.Add(record);

    internal void RestoreHistory(IEnumerable<EpochRecord> epochs)
    {
        _history.Clear();
        _history.AddRange(epochs);
    }

    internal void Notify(Action<ITrainingCallback> call)
    {
        foreach (var callback in Callbacks) call(callback);
    }

    /// <summary>The run as it stands: epochs, kept epoch, whether it stopped before its last epoch.</summary>
    public TrainingHistory ToHistory() => new(_history.ToArray(), KeptEpoch ?? _history.Count, StopTraining && _history.Count < Epochs, _history.Sum(e => e.Seconds));
}
