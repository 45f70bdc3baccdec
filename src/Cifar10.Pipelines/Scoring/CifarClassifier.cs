using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Runs;
using Cifar10.Pipelines.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cifar10.Pipelines.Scoring;

/// <summary>
/// Scores images with an exported <c>model.onnx</c> through ML.NET: single images through a pool
/// of prediction engines (safe to call from many threads), many records through
/// <see cref="ITransformer.Transform"/>, evaluation through <see cref="MulticlassEvaluator"/>.
/// <code>
/// using var classifier = CifarClassifier.Load("model.onnx");
/// var prediction = classifier.PredictFile("cat.png");
/// Console.WriteLine($"{prediction.Label} {prediction.Probability:P1}");
/// </code>
/// </summary>
public sealed class CifarClassifier : IDisposable
{
    readonly MLContext _mlContext;
    readonly PredictionEnginePool<CifarRecordInput, ProbabilitiesOutput> _engines;

    CifarClassifier(MLContext mlContext, ITransformer transformer, IReadOnlyList<string> classNames, ModelCard? card, string modelPath)
    {
        _mlContext = mlContext;
        Transformer = transformer;
        ClassNames = classNames;
        Card = card;
        ModelPath = modelPath;
        _engines = new PredictionEnginePool<CifarRecordInput, ProbabilitiesOutput>(mlContext, transformer);
    }

    /// <summary>The fitted ML.NET pipeline (see <see cref="CifarScoringPipeline"/>).</summary>
    public ITransformer Transformer { get; }
    /// <summary>Class names in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>The run's <c>model.json</c> when it was found beside the model, else null.</summary>
    public ModelCard? Card { get; }
    /// <summary>The file the classifier was loaded from.</summary>
    public string ModelPath { get; }

    /// <summary>
    /// Loads an exported ONNX model. It is checked with ONNX Runtime first, so a missing, corrupt
    /// or foreign file is a one-line <see cref="CifarException"/> naming it.
    /// </summary>
    public static CifarClassifier Load(string onnxPath, MLContext? mlContext = null)
    {
        var classes = OnnxModelValidator.Validate(onnxPath);
        var card = ClassNameSource.ReadCardBeside(onnxPath);
        var names = ClassNameSource.Resolve(card, classes, onnxPath);
        var context = mlContext ?? new MLContext(seed: 0);
        return new CifarClassifier(context, CifarScoringPipeline.Fit(context, onnxPath), names, card, onnxPath);
    }

    /// <summary>Loads a pipeline written by <see cref="Save"/> (the ONNX model travels inside the zip).</summary>
    public static CifarClassifier LoadSaved(string zipPath, IReadOnlyList<string>? classNames = null, MLContext? mlContext = null)
    {
        var context = mlContext ?? new MLContext(seed: 0);
        if (!File.Exists(zipPath)) throw new CifarException($"{zipPath}: file is missing.");
        ITransformer transformer;
        try { transformer = context.Model.Load(zipPath, out _); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new CifarException($"{zipPath}: not a saved ML.NET scoring pipeline ({e.Message.Split('\n')[0]}).", e);
        }
        return new CifarClassifier(context, transformer, classNames ?? CifarClasses.Names, null, zipPath);
    }

    /// <summary>Saves the pipeline with <c>mlContext.Model.Save</c>, atomically.</summary>
    public void Save(string zipPath) =>
        AtomicFile.Write(zipPath, temp => _mlContext.Model.Save(Transformer, CifarScoringPipeline.EmptyInput(_mlContext).Schema, temp));

    /// <summary>Scores one CIFAR-10 record (3,072 bytes, planar RGB).</summary>
    public ImagePrediction PredictRecord(byte[] record, int topK = 3)
    {
        if (record.Length != CifarBinaryReader.PixelCount)
            throw new CifarException($"a CIFAR-10 record has {CifarBinaryReader.PixelCount:N0} bytes, got {record.Length:N0}.");
        var output = _engines.Predict(new CifarRecordInput { Record = record });
        return ImagePrediction.FromProbabilities(output.Probabilities, ClassNames, topK);
    }

    /// <summary>Scores encoded image bytes of any size; <paramref name="name"/> names them in errors.</summary>
    public ImagePrediction PredictImage(ReadOnlySpan<byte> encoded, string name, int topK = 3) =>
        PredictRecord(ImageDecoder.Decode(encoded, name), topK);

    /// <summary>Scores an image file (PNG, JPEG…).</summary>
    public ImagePrediction PredictFile(string path, int topK = 3) =>
        PredictRecord(ImageDecoder.DecodeFile(path), topK);

    /// <summary>Probabilities [N × classes] (row-major) for many records, through one <c>Transform</c>.</summary>
    public float[] PredictProbabilities(IEnumerable<byte[]> records)
    {
        var input = _mlContext.Data.LoadFromEnumerable(records.Select(r => new CifarRecordInput { Record = r }));
        var rows = Transformer.Transform(input).GetColumn<float[]>(OnnxContract.OutputName);
        return rows.SelectMany(r => r).ToArray();
    }

    /// <summary>ML.NET's multiclass metrics of the model on <paramref name="images"/>.</summary>
    public ClassificationMetrics Evaluate(LabeledImages images, int topK = 3)
    {
        var pixels = images.Pixels.data<byte>().ToArray();
        var records = Enumerable.Range(0, images.Count).Select(i => pixels.AsSpan(i * CifarBinaryReader.PixelCount, CifarBinaryReader.PixelCount).ToArray());
        var probabilities = PredictProbabilities(records);
        return new MulticlassEvaluator(_mlContext).Evaluate(probabilities, images.LabelArray(), ClassNames, topK);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _engines.Dispose();
        (Transformer as IDisposable)?.Dispose();
    }
}
