using System.Text;
using System.Text.Json;
using Cifar10.Core.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Everything needed to continue a run after the last finished epoch, in one file written
/// atomically (temp + rename): the counters and history as JSON, the current weights, the best
/// weights so far and the optimizer state. The random state needs no saving: the trainer reseeds
/// from (seed, epoch) at the start of every epoch.
/// </summary>
public static class TrainingCheckpoint
{
    const string Magic = "CIFAR10-CHECKPOINT-1";

    /// <summary>Counters and history saved with the weights.</summary>
    public sealed record State(
        int Seed, int Epoch, bool Finished, bool StoppedEarly, double LearningRate,
        double SchedulerBest, int SchedulerWait, double StoppingBest, int StoppingBestEpoch, int StoppingWait,
        IReadOnlyList<EpochRecord> History);

    /// <summary>Writes the checkpoint atomically.</summary>
    public static void Save(string path, State state, nn.Module model, IReadOnlyDictionary<string, Tensor> bestWeights, optim.Optimizer optimizer)
    {
        AtomicFile.Write(path, temp =>
        {
            using var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(state, ModelCard.Json));
            model.save(writer);
            writer.Write(bestWeights.Count);
            foreach (var (name, tensor) in bestWeights)
            {
                writer.Write(name);
                tensor.Save(writer);
            }
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        });
    }

    /// <summary>Reads a checkpoint into <paramref name="model"/> and <paramref name="optimizer"/>; returns the counters and the best weights.</summary>
    public static (State State, Dictionary<string, Tensor> BestWeights) Load(string path, nn.Module model, optim.Optimizer optimizer)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new CifarException($"{path}: not a Cifar10.NET checkpoint.");
            var state = JsonSerializer.Deserialize<State>(reader.ReadString(), ModelCard.Json)
                ?? throw new CifarException($"{path}: empty checkpoint state.");
            model.load(reader, strict: true);
            var best = new Dictionary<string, Tensor>();
            var current = model.state_dict();
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                var name = reader.ReadString();
                if (!current.TryGetValue(name, out var like)) throw new CifarException($"{path}: checkpoint is for another architecture ({name}).");
                var tensor = zeros_like(like);
                tensor.Load(reader);
                best[name] = tensor;
            }
            ((OptimizerHelper)optimizer).load_state_dict(reader);
            return (state, best);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidOperationException or JsonException)
        {
            throw new CifarException($"{path}: checkpoint is corrupt or truncated ({e.Message.Split('\n')[0]}).");
        }
    }
}
