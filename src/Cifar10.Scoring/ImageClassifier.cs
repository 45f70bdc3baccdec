using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// Classifies images with a trained model through ML.NET: a <c>model.zip</c> (an ML.NET model, as the
/// ConvNet trainer's fit is saved) or an exported <c>model.onnx</c> (wrapped in the same ML.NET image
/// transforms, <see cref="ImagePipeline"/>). Every image is decoded in memory once and scored by the
/// model's transforms (a model that loads image files from paths is scored without its loading step,
/// see <see cref="Transformer"/>). Single images go through a pool of prediction engines, so one
/// classifier serves many threads; many images stream through one <c>Transform</c>.
/// <code>
/// using var classifier = ImageClassifier.Load("model.zip");
/// var prediction = classifier.PredictFile("cat.png");
/// Console.WriteLine($"{prediction.Label} {prediction.Probability:P1}");
/// </code>
/// Images are decoded as ML.NET decodes them (EXIF orientation is not applied, as in training);
/// a missing, empty, truncated, unknown or over-large image is a one-line <see cref="ImageDecodeException"/>,
/// and no image is decoded past <see cref="ImageCheck.MaxPixels"/> (JPEG and WebP are decoded scaled down to it).
/// </summary>
public sealed class ImageClassifier : IDisposable
{
    readonly MLContext _mlContext;
    readonly ClassifierSchema _schema;
    readonly PredictionEnginePool<ClassifierInput, ClassifierOutput> _engines;

    ImageClassifier(MLContext mlContext, ITransformer transformer, ClassifierSchema schema, IReadOnlyList<string> classNames, int imageSize, string modelPath)
    {
        _mlContext = mlContext;
        _schema = schema;
        Transformer = transformer;
        ClassNames = classNames;
        ImageSize = imageSize;
        ModelPath = modelPath;
        _engines = new PredictionEnginePool<ClassifierInput, ClassifierOutput>(mlContext, transformer, schema.Input, schema.Output);
    }

    /// <summary>
    /// The ML.NET transforms that score an in-memory image: the saved model's, less its <c>LoadImages</c>
    /// step when it reads image paths; for an ONNX file, <see cref="ImagePipeline"/>'s around it.
    /// </summary>
    public ITransformer Transformer { get; }
    /// <summary>Class names in score order.</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>The side, in pixels, every image is resized to before the network sees it.</summary>
    public int ImageSize { get; }
    /// <summary>The file the classifier was loaded from.</summary>
    public string ModelPath { get; }

    /// <summary>
    /// Loads <paramref name="modelPath"/>: a <c>.zip</c> ML.NET model or an exported <c>.onnx</c> (checked with
    /// ONNX Runtime first). A missing, corrupt or foreign file is a one-line <see cref="ScoringException"/> naming it.
    /// For a <c>.zip</c>, <paramref name="imageColumnName"/> names its image column (default: its only image
    /// column, else <c>ImagePath</c>).
    /// </summary>
    public static ImageClassifier Load(string modelPath, string? imageColumnName = null, MLContext? mlContext = null)
    {
        var context = mlContext ?? new MLContext(seed: 0);
        if (!modelPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            return LoadZip(context, modelPath, imageColumnName);
        var info = OnnxModelValidator.Validate(modelPath);
        var schema = ClassifierSchema.ForOnnx();
        var transformer = ImagePipeline.Preprocess(context, ClassifierSchema.ImageColumn, imageIsPath: false, info.ImageSize)
            .Append(context.Transforms.ApplyOnnxModel([OnnxModelValidator.OutputName], [ImagePipeline.PixelsColumnName], modelPath))
            .Fit(context.Data.LoadFromEnumerable(Array.Empty<ClassifierInput>(), schema.Input));
        return new ImageClassifier(context, transformer, schema, info.ClassNames, info.ImageSize, modelPath);
    }

    static ImageClassifier LoadZip(MLContext context, string path, string? imageColumnName)
    {
        if (Directory.Exists(path)) throw new ScoringException($"{path}: is a folder, not a model file.");
        if (!File.Exists(path)) throw new ScoringException($"{path}: file is missing.");
        ITransformer transformer;
        DataViewSchema input;
        try { transformer = context.Model.Load(path, out input); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException)
        {
            throw new ScoringException($"{path}: not an ML.NET model ({e.Message.Split('\n')[0].Trim()}).", e);
        }
        var model = InMemoryModel.From(transformer, input, imageColumnName, path);
        return new ImageClassifier(context, model.Transformer, model.Schema, model.ClassNames, model.ImageSize, path);
    }

    /// <summary>Scores an image file (PNG, JPEG, WebP, GIF, BMP; any size).</summary>
    public ImagePrediction PredictFile(string path, int topK = 3)
    {
        using var image = ImageDecoder.Decode(ImageCheck.Read(path), path);
        return Predict(image, topK);
    }

    /// <summary>Scores encoded image bytes of any format and size; <paramref name="name"/> names them in errors.</summary>
    public ImagePrediction PredictImage(ReadOnlySpan<byte> encoded, string name, int topK = 3)
    {
        using var image = ImageDecoder.Decode(encoded.ToArray(), name);
        return Predict(image, topK);
    }

    /// <summary>Scores one image given as planar RGB bytes (all R, then G, then B; S×S each, e.g. a CIFAR-10 record).</summary>
    public ImagePrediction PredictPixels(byte[] planarRgb, int topK = 3)
    {
        using var image = PlanarImage.ToImage(planarRgb);
        return Predict(image, topK);
    }

    /// <summary>Class probabilities [images × classes] (row-major) of many planar RGB images, streamed through one <c>Transform</c>.</summary>
    public float[] PredictProbabilities(IEnumerable<byte[]> planarRgb) => Score(planarRgb.Select(p => (Func<MLImage>)(() => PlanarImage.ToImage(p))));

    /// <summary>Class probabilities [files × classes] (row-major) of many image files, each checked, streamed through one <c>Transform</c>.</summary>
    public float[] PredictFiles(IReadOnlyList<string> paths) => Score(paths.Select(p => (Func<MLImage>)(() => ImageDecoder.Decode(ImageCheck.Read(p), p))));

    ImagePrediction Predict(MLImage image, int topK) =>
        ImagePrediction.FromProbabilities(_engines.Predict(new ClassifierInput { Image = image }).Score, ClassNames, topK);

    // One image in memory at a time: each is made when the cursor reaches its row and disposed at the next.
    float[] Score(IEnumerable<Func<MLImage>> images)
    {
        var view = _mlContext.Data.LoadFromEnumerable(OneAtATime(images), _schema.Input);
        return Transformer.Transform(view).GetColumn<float[]>(_schema.ScoreColumn).SelectMany(r => r).ToArray();
    }

    static IEnumerable<ClassifierInput> OneAtATime(IEnumerable<Func<MLImage>> images)
    {
        MLImage? current = null;
        try
        {
            foreach (var make in images)
            {
                current?.Dispose();
                current = make();
                yield return new ClassifierInput { Image = current };
            }
        }
        finally
        {
            current?.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _engines.Dispose();
        (Transformer as IDisposable)?.Dispose();
    }
}
