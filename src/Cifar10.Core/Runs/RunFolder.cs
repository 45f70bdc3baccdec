using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Core.Training;
using Cifar10.Core.Training.Callbacks;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Runs;

/// <summary>
/// A run's folder: every file a training run writes, its name, and how it is read and written.
/// Each file is written atomically (temp file, then rename), so a reader never sees half of one.
/// <list type="table">
/// <item><term>model.bin, model.json</term><description>the weights and the model card (<see cref="SaveModel"/>, <see cref="LoadModel"/>)</description></item>
/// <item><term>model.onnx</term><description>the exported model (<see cref="WriteOnnx"/>)</description></item>
/// <item><term>model-tta.onnx</term><description>the model with test-time augmentation in the graph, when <c>cifar10 export --tta</c> wrote it</description></item>
/// <item><term>model.zip</term><description>the ML.NET model (the network's ONNX graph for ML.NET is inside it)</description></item>
/// <item><term>history.json, history.csv</term><description>per-epoch history; its presence marks a run folder</description></item>
/// <item><term>results.json</term><description>test metrics and how training went</description></item>
/// <item><term>learning-curves.png</term><description>the learning curves</description></item>
/// <item><term>checkpoint.bin</term><description>the state to resume from, rewritten after every epoch</description></item>
/// <item><term>manifest.json</term><description>every file with its SHA-256, written last (<see cref="WriteManifest"/>); readers of a finished run check it (<see cref="VerifyFinished"/>)</description></item>
/// </list>
/// </summary>
public sealed class RunFolder(string path)
{
    const string WeightsFile = "model.bin", CardFile = "model.json", HistoryFile = "history.json", HistoryCsvFile = "history.csv",
        ResultsFile = "results.json", LearningCurvesFile = "learning-curves.png", CheckpointFile = "checkpoint.bin",
        MlNetModelFile = "model.zip", TtaOnnxFile = "model-tta.onnx";

    /// <summary>JSON settings of every file a run writes: indented, camelCase, nulls left out, NaN and ∞ allowed.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The folder.</summary>
    public string Path { get; } = path;

    /// <summary>The weights (TorchSharp's format).</summary>
    public string WeightsPath => At(WeightsFile);
    /// <summary>The model card.</summary>
    public string CardPath => At(CardFile);
    /// <summary>The exported ONNX model.</summary>
    public string OnnxPath => At(OnnxContract.FileName);
    /// <summary>The ONNX model that averages the run's test-time views (written on request, not by training).</summary>
    public string TtaOnnxPath => At(TtaOnnxFile);
    /// <summary>The fitted ML.NET model (<c>mlContext.Model.Save</c>).</summary>
    public string MlNetModelPath => At(MlNetModelFile);
    /// <summary>The history as JSON.</summary>
    public string HistoryPath => At(HistoryFile);
    /// <summary>The history as CSV, one line per epoch, rewritten after every epoch.</summary>
    public string HistoryCsvPath => At(HistoryCsvFile);
    /// <summary>The run's results.</summary>
    public string ResultsPath => At(ResultsFile);
    /// <summary>The learning-curves figure.</summary>
    public string LearningCurvesPath => At(LearningCurvesFile);
    /// <summary>The checkpoint to resume from.</summary>
    public string CheckpointPath => At(CheckpointFile);
    /// <summary>The list of the finished run's files and their SHA-256.</summary>
    public string ManifestPath => At(RunManifest.FileName);

    /// <summary>The names of the files a run writes into its folder (what replacing a run may delete).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        WeightsFile, CardFile, OnnxContract.FileName, TtaOnnxFile, MlNetModelFile, HistoryFile, HistoryCsvFile, ResultsFile, LearningCurvesFile, CheckpointFile, RunManifest.FileName,
    ];

    /// <summary>Whether <paramref name="directory"/> holds a finished or running run (its history file).</summary>
    public static bool IsRun(string directory) => File.Exists(System.IO.Path.Combine(directory, HistoryFile));
    /// <summary>Whether a checkpoint is there to resume from.</summary>
    public bool HasCheckpoint => File.Exists(CheckpointPath);

    /// <summary>Creates the folder (a one-line error when a file is in the way); returns this.</summary>
    public RunFolder Create()
    {
        AtomicFile.EnsureDirectory(Path);
        return this;
    }

    /// <summary>
    /// The callback that keeps <see cref="CheckpointPath"/> up to date, restoring it first when <paramref name="resume"/> is set;
    /// <paramref name="runSettings"/> (what the recipe does not hold, e.g. the model and the data limits) must match on resume.
    /// </summary>
    public TrainingCheckpoint Checkpoint(bool resume, IReadOnlyDictionary<string, object?>? runSettings = null) => new(CheckpointPath, resume, runSettings);

    /// <summary>Writes <c>manifest.json</c> over the folder's files; call it after the last file of the run is written.</summary>
    public void WriteManifest() => RunManifest.Write(Path);

    /// <summary>Deletes <c>manifest.json</c>: until it is rewritten, the folder is no finished run.</summary>
    public void DeleteManifest() => RunManifest.Delete(Path);

    /// <summary>The callback that deletes <c>manifest.json</c> when training begins; give it after <see cref="Checkpoint"/>.</summary>
    public ITrainingCallback ManifestRemoval() => new ManifestRemoval(this);

    /// <summary>One-line error unless the run finished and <paramref name="files"/> are the ones its manifest lists (same SHA-256).</summary>
    public void VerifyFinished(params string[] files) => RunManifest.Verify(Path, files);

    /// <summary>The run folder a model file (model.onnx, model.zip) sits in, or null when no model card is beside it.</summary>
    public static RunFolder? Containing(string modelPath)
    {
        var folder = new RunFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(modelPath))!);
        return File.Exists(folder.CardPath) ? folder : null;
    }

    /// <summary>The callback that rewrites <see cref="HistoryCsvPath"/> after every epoch.</summary>
    public CsvLogger HistoryCsv() => new(HistoryCsvPath);

    /// <summary>Saves weights and card.</summary>
    public void SaveModel(nn.Module<Tensor, Tensor> module, ModelCard card)
    {
        AtomicFile.Write(WeightsPath, temp => module.save(temp));
        WriteCard(card);
    }

    /// <summary>Writes the model card alone (e.g. to rename the classes of a model already saved).</summary>
    public void WriteCard(ModelCard card) => AtomicFile.WriteAllText(CardPath, JsonSerializer.Serialize(card, Json));

    /// <summary>Reads the model card, with a one-line error when it is missing or malformed.</summary>
    public ModelCard ReadCard() => ReadCard(CardPath);

    /// <summary>Reads a <c>model.json</c>; cards written before the input scaling had that name are read too.</summary>
    public static ModelCard ReadCard(string path) => JsonFile.Read<ModelCard>(path, "model card", RenameLegacyKeys);

    /// <summary>The card of the run a model file (model.onnx, model.zip) sits in, or null when there is none beside it.</summary>
    public static ModelCard? CardBeside(string modelPath)
    {
        var card = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(modelPath))!, CardFile);
        return File.Exists(card) ? ReadCard(card) : null;
    }

    /// <summary>Loads the model (card, definition, weights) in eval mode; a missing, corrupt or mismatched file is a one-line error.</summary>
    public TrainedModel LoadModel(Device? device = null)
    {
        if (File.Exists(Path)) throw new CifarException($"{Path}: is a file, not a run folder.");
        if (!Directory.Exists(Path)) throw new CifarException($"{Path}: run folder does not exist.");
        var card = ReadCard();
        var definition = card.Definition ?? ModelZoo.Get(card.Architecture);
        if (Directory.Exists(WeightsPath)) throw new CifarException($"{WeightsPath}: is a folder, not a file.");
        if (!File.Exists(WeightsPath)) throw new CifarException($"{WeightsPath}: file is missing.");
        var module = definition.CreateModule();
        try
        {
            module.load(WeightsPath, strict: true);
        }
        catch (Exception e) when (e is not CifarException)
        {
            module.Dispose();
            throw new CifarException($"{WeightsPath}: cannot be loaded as {card.Architecture} weights ({e.Message.Split('\n')[0].Trim()}).");
        }
        if (device is not null) module.to(device);
        module.eval();
        return new TrainedModel(card, definition, module);
    }

    /// <summary>Writes the history as JSON and CSV.</summary>
    public void WriteHistory(TrainingHistory history)
    {
        AtomicFile.WriteAllText(HistoryPath, JsonSerializer.Serialize(history, Json));
        AtomicFile.WriteAllText(HistoryCsvPath, CsvLogger.Format(history.Epochs));
    }

    /// <summary>Reads the history, with a one-line error when it is missing, malformed or empty.</summary>
    public TrainingHistory ReadHistory()
    {
        var history = JsonFile.Read<TrainingHistory>(HistoryPath, "training history");
        return history.Epochs is { Count: > 0 } ? history : throw new CifarException($"{HistoryPath}: no epochs recorded.");
    }

    /// <summary>Writes <c>results.json</c>.</summary>
    public void WriteResults<T>(T results) => AtomicFile.WriteAllText(ResultsPath, JsonSerializer.Serialize(results, Json));

    /// <summary>Reads <c>results.json</c> as <typeparamref name="T"/> (any subset of its fields).</summary>
    public T ReadResults<T>() where T : class => JsonFile.Read<T>(ResultsPath, "run results file");

    /// <summary>Writes the ONNX model; <paramref name="validate"/> sees the temp file before it replaces anything.</summary>
    public void WriteOnnx(ModelProto model, Action<string>? validate = null) => OnnxExporter.Write(model, OnnxPath, validate);

    string At(string file) => System.IO.Path.Combine(Path, file);

    static void RenameLegacyKeys(JsonObject card)
    {
        if (card["normalization"] is { } scaling && card["inputScaling"] is null)
        {
            card.Remove("normalization");
            card["inputScaling"] = scaling;
        }
    }
}
