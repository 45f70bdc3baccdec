using System.Text;
using System.Text.Json;
using Cifar10.Core.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training.Callbacks;

/// <summary>
/// Writes everything needed to continue a run after its last finished epoch into one file, atomically
/// (temp + rename), after every epoch; with <c>resume</c>, restores it before the first epoch. The file
/// holds the history and counters as JSON, the weights, the optimizer's state and the state of every
/// <see cref="ICheckpointedCallback"/>. The random state needs no saving: the trainer reseeds from
/// (seed, epoch) at the start of every epoch. Give it last among the callbacks, so that it saves what
/// the others decided at each epoch's end and restores into state they have set up. The header also records
/// the run's settings (<see cref="CheckpointSettings"/>, with <paramref name="runSettings"/> for what the recipe does
/// not hold); resuming with any of them changed but the epochs is refused.
/// </summary>
public sealed class TrainingCheckpoint(string path, bool resume, IReadOnlyDictionary<string, object?>? runSettings = null) : ITrainingCallback
{
    const string Magic = "CIFAR10-CHECKPOINT-2";

    /// <summary>The checkpoint file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context)
    {
        if (resume && File.Exists(Path)) Restore(context);
    }

    /// <inheritdoc />
    public void OnEpochEnd(TrainingContext context, EpochRecord logs)
    {
        var stateful = Stateful(context);
        var states = stateful.ToDictionary(c => c.CheckpointKey, c => c.SaveState());
        var header = new Header(context.Seed, logs.Epoch, context.StopTraining, context.Optimizer.LearningRate, context.History,
            states.ToDictionary(s => s.Key, s => s.Value.Numbers), CheckpointSettings.Of(context.Recipe, context.Seed, runSettings), context.Epochs);
        AtomicFile.Write(Path, temp =>
        {
            using var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(header, RunFolder.Json));
            context.Model.save(writer);
            writer.Write(states.Sum(s => s.Value.Tensors.Count));
            foreach (var (key, state) in states)
                foreach (var (name, tensor) in state.Tensors)
                {
                    writer.Write(key);
                    writer.Write(name);
                    tensor.Save(writer);
                }
            ((OptimizerHelper)context.Optimizer.Optimizer).save_state_dict(writer);
        });
    }

    void Restore(TrainingContext context)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(Path), Encoding.UTF8);
            var magic = reader.ReadString();
            if (magic.StartsWith("CIFAR10-CHECKPOINT-", StringComparison.Ordinal) && magic != Magic)
                throw new CifarException($"{Path}: checkpoint written by another version of Cifar10.NET ({magic}); start the run afresh.");
            if (magic != Magic) throw new CifarException($"{Path}: not a Cifar10.NET checkpoint.");
            var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), RunFolder.Json)
                ?? throw new CifarException($"{Path}: empty checkpoint header.");
            if (header.Seed != context.Seed)
                throw new CifarException($"{Path}: checkpoint was made with seed {header.Seed}, not {context.Seed}; resume with the same seed or start a new run.");
            CheckpointSettings.RequireSame(header.Settings, CheckpointSettings.Of(context.Recipe, context.Seed, runSettings), Path);
            context.Model.load(reader, strict: true);
            var tensors = ReadTensors(reader);
            ((OptimizerHelper)context.Optimizer.Optimizer).load_state_dict(reader);
            foreach (var callback in Stateful(context))
                callback.LoadState(new CallbackState(
                    header.Callbacks.GetValueOrDefault(callback.CheckpointKey) ?? throw new CifarException($"{Path}: checkpoint has no state for {callback.CheckpointKey}; it belongs to another recipe."),
                    tensors.GetValueOrDefault(callback.CheckpointKey) ?? []));
            context.Optimizer.LearningRate = header.LearningRate;
            context.RestoreHistory(header.History);
            // More epochs than the run had asked for: the user wants it to go on, even if early stopping had ended it
            // (early stopping keeps its state, so it ends the run again after the next epoch that does not improve).
            context.StopTraining = header.StoppedEarly && !(context.Epochs > header.Epochs);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException or JsonException or KeyNotFoundException)
        {
            throw new CifarException($"{Path}: checkpoint is corrupt or truncated ({e.Message.Split('\n')[0]}).");
        }
    }

    static Dictionary<string, Dictionary<string, Tensor>> ReadTensors(BinaryReader reader)
    {
        var tensors = new Dictionary<string, Dictionary<string, Tensor>>();
        var count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var name = reader.ReadString();
            if (!tensors.TryGetValue(key, out var ofCallback)) tensors[key] = ofCallback = [];
            ofCallback[name] = Tensor.Load(reader);
        }
        return tensors;
    }

    static IReadOnlyList<ICheckpointedCallback> Stateful(TrainingContext context) => context.Callbacks.OfType<ICheckpointedCallback>().ToArray();

    sealed record Header(int Seed, int Epoch, bool StoppedEarly, double LearningRate, IReadOnlyList<EpochRecord> History,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Callbacks, IReadOnlyDictionary<string, string>? Settings, int? Epochs);
}
