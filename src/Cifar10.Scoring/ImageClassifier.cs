using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// Classifies images with a trained model through ML.NET: a <c>model.zip</c> (an ML.NET model, as the
/// ConvNet trainer's fit is saved) or an exported <c>model.onnx</c> (wrapped in the same ML.NET image
/// transforms, <see cref="ImagePipeline"/>). Single images go through a pool of prediction engines, so
/// one classifier serves many threads; many images go through one <c>Transform</c>.
/// <code>
/// using var classifier = ImageClassifier.Load("model.zip");
/// var prediction = classifier.PredictFile("cat.png");
/// Console.WriteLine($"{prediction.Label} {prediction.Probability:P1}");
/// </code>
/// Images are decoded as ML.NET decodes them (EXIF orientation is not applied, as in training);
/// a missing, empty, truncated, unknown or over-large image is a one-line <see cref="ImageDecodeException"/>.
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

    /// <summary>The ML.NET model.</summary>
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
        var chain = ImagePipeline.Preprocess(context, ClassifierSchema.ImageColumn, imageIsPath: false, info.ImageSize)
            .Append(context.Transforms.ApplyOnnxModel([OnnxModelValidator.OutputName], [ImagePipeline.PixelsColumnName], modelPath));
        var transformer = chain.Fit(context.Data.LoadFromEnumerable(Array.Empty<ClassifierInput>(), ClassifierSchema.ForOnnx().Input));
        return new ImageClassifier(context, transformer, ClassifierSchema.ForOnnx(), info.ClassNames, info.ImageSize, modelPath);
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
        var schema = ClassifierSchema.ForZip(input, imageColumnName, path);
        var output = transformer.GetOutputSchema(input);
        return new ImageClassifier(context, transformer, schema, ClassNamesOf(output, path), ResizedSide(transformer, input, path), path);
    }

    // The key values of PredictedLabel (a hidden column when the pipeline maps it back to text; the last one is the classifier's).
    static IReadOnlyList<string> ClassNamesOf(DataViewSchema output, string path)
    {
        var predicted = output.Where(c => c.Name == ImagePipeline.PredictedLabelColumnName && c.Type is KeyDataViewType).LastOrDefault();
        if (predicted.Name is null || predicted.Annotations.Schema.GetColumnOrNull("KeyValues") is null)
            throw new ScoringException($"{path}: the model has no key-typed {ImagePipeline.PredictedLabelColumnName} column with class names; it is not an image classifier.");
        if (output.GetColumnOrNull(ImagePipeline.ScoreColumnName) is not { Type: VectorDataViewType })
            throw new ScoringException($"{path}: the model has no {ImagePipeline.ScoreColumnName} column.");
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        predicted.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    // The side the model's ResizeImages transform produces: the first fixed-size image column along the chain.
    static int ResizedSide(ITransformer transformer, DataViewSchema input, string path)
    {
        static IEnumerable<ITransformer> Flatten(ITransformer t) =>
            t is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [t];
        var schema = input;
        foreach (var step in Flatten(transformer))
        {
            schema = step.GetOutputSchema(schema);
            if (step is ImageResizingTransformer && schema.Select(c => c.Type).OfType<ImageDataViewType>().FirstOrDefault(t => t.Width > 0) is { } resized)
                return resized.Width;
        }
        throw new ScoringException($"{path}: the model does not resize images; it is not an image classifier.");
    }

    /// <summary>Scores an image file (PNG, JPEG, WebP, GIF, BMP; any size).</summary>
    public ImagePrediction PredictFile(string path, int topK = 3)
    {
        var bytes = ImageCheck.File(path);
        return _schema.ImageIsPath ? Predict(new ClassifierInput { Path = Path.GetFullPath(path) }, topK) : PredictImage(bytes, path, topK);
    }

    /// <summary>Scores encoded image bytes of any format and size; <paramref name="name"/> names them in errors.</summary>
    public ImagePrediction PredictImage(ReadOnlySpan<byte> encoded, string name, int topK = 3)
    {
        ImageCheck.Bytes(encoded, name);
        if (_schema.ImageIsPath) return WithTempFile(encoded, path => Predict(new ClassifierInput { Path = path }, topK));
        using var image = MLImage.CreateFromStream(new MemoryStream(encoded.ToArray()));
        return Predict(new ClassifierInput { Image = image }, topK);
    }

    /// <summary>Scores one image given as planar RGB bytes (all R, then G, then B; S×S each, e.g. a CIFAR-10 record).</summary>
    public ImagePrediction PredictPixels(byte[] planarRgb, int topK = 3)
    {
        using var image = PlanarImage.ToImage(planarRgb);
        if (_schema.ImageIsPath) return WithTempFile(PlanarImage.ToPng(image), path => Predict(new ClassifierInput { Path = path }, topK));
        return Predict(new ClassifierInput { Image = image }, topK);
    }

    /// <summary>Class probabilities [images × classes] (row-major) of many planar RGB images, through one <c>Transform</c>.</summary>
    public float[] PredictProbabilities(IEnumerable<byte[]> planarRgb)
    {
        if (_schema.ImageIsPath) return planarRgb.SelectMany(p => PredictPixels(p, 1).Scores).ToArray();
        var images = planarRgb.Select(PlanarImage.ToImage).ToList();
        try { return Score(images.Select(i => new ClassifierInput { Image = i })); }
        finally { images.ForEach(i => i.Dispose()); }
    }

    /// <summary>Class probabilities [files × classes] (row-major) of many image files, through one <c>Transform</c>; each file is checked first.</summary>
    public float[] PredictFiles(IReadOnlyList<string> paths)
    {
        foreach (var path in paths) ImageCheck.File(path);
        if (_schema.ImageIsPath) return Score(paths.Select(p => new ClassifierInput { Path = Path.GetFullPath(p) }));
        var images = paths.Select(MLImage.CreateFromFile).ToList();
        try { return Score(images.Select(i => new ClassifierInput { Image = i })); }
        finally { images.ForEach(i => i.Dispose()); }
    }

    ImagePrediction Predict(ClassifierInput input, int topK) =>
        ImagePrediction.FromProbabilities(_engines.Predict(input).Score, ClassNames, topK);

    float[] Score(IEnumerable<ClassifierInput> inputs)
    {
        var view = _mlContext.Data.LoadFromEnumerable(inputs, _schema.Input);
        return Transformer.Transform(view).GetColumn<float[]>(_schema.ScoreColumn).SelectMany(r => r).ToArray();
    }

    static ImagePrediction WithTempFile(ReadOnlySpan<byte> bytes, Func<string, ImagePrediction> predict)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cifar10-image-{Guid.NewGuid():N}");
        File.WriteAllBytes(path, bytes);
        try { return predict(path); }
        finally { File.Delete(path); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _engines.Dispose();
        (Transformer as IDisposable)?.Dispose();
    }
}
