using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// The ML.NET transforms around a Cifar10.NET network, all of them ML.NET's own, so a model built
/// from them loads in an app that references only ML.NET's packages:
/// image (a file path: <c>LoadImages</c>; or an in-memory <c>MLImage</c>) → <c>ResizeImages</c>
/// (stretched to S×S, as Keras' <c>image_dataset_from_directory</c> resizes) → <c>ExtractPixels</c>
/// (planar RGB, raw 0–255: the network scales them itself) → <c>ApplyOnnxModel</c> →
/// <c>Score</c> and <c>PredictedLabel</c> in the label's key type (see <see cref="Fit"/>).
/// Training reads its pixels through <see cref="Preprocess"/> too, so a network sees the same
/// pixels when it is trained and when it is scored.
/// </summary>
public static class ImagePipeline
{
    /// <summary>The column of pixels the network reads (the ONNX graph's input).</summary>
    public const string PixelsColumnName = "image";
    /// <summary>The column of class probabilities, in the label key's order.</summary>
    public const string ScoreColumnName = "Score";
    /// <summary>The column of the most probable class, in the label's key type.</summary>
    public const string PredictedLabelColumnName = "PredictedLabel";

    const string LoadedImage = "Cifar10.LoadedImage", ResizedImage = "Cifar10.ResizedImage";
    // The outputs of the ONNX graph written for ML.NET (Cifar10.Core's OnnxContract names them too).
    internal const string NetworkScore = "Cifar10.NetworkScore", PredictedOneHot = "Cifar10.PredictedOneHot";

    /// <summary>
    /// Image → <see cref="PixelsColumnName"/>: a float vector [3, S, S] of planar RGB values 0–255.
    /// <paramref name="imageIsPath"/> says whether <paramref name="imageColumnName"/> holds file paths (text) or <c>MLImage</c>s.
    /// </summary>
    public static IEstimator<ITransformer> Preprocess(MLContext mlContext, string imageColumnName, bool imageIsPath, int imageSize)
    {
        var resize = mlContext.Transforms.ResizeImages(ResizedImage, imageSize, imageSize, imageIsPath ? LoadedImage : imageColumnName, ImageResizingEstimator.ResizingKind.Fill);
        var pixels = resize.Append(mlContext.Transforms.ExtractPixels(PixelsColumnName, ResizedImage,
            ImagePixelExtractingEstimator.ColorBits.Rgb, ImagePixelExtractingEstimator.ColorsOrder.ARGB, interleavePixelColors: false, scaleImage: 1, offsetImage: 0, outputAsFloatArray: true));
        return imageIsPath
            ? mlContext.Transforms.LoadImages(LoadedImage, imageFolder: null, imageColumnName).Append(pixels)
            : pixels;
    }

    /// <summary>
    /// Image → <see cref="ScoreColumnName"/> and <see cref="PredictedLabelColumnName"/>, fitted on
    /// <paramref name="input"/>'s schema: <see cref="Preprocess"/>, then the ONNX graph
    /// <paramref name="onnxModel"/> (the bytes of one written for ML.NET, kept inside a saved model; its
    /// outputs are the probabilities and the predicted class one-hot), then ML.NET's own multiclass scorer to turn the one-hot vector into a
    /// <c>PredictedLabel</c> of the label's key type, then the network's probabilities as <c>Score</c>.
    /// That scorer is a Naive Bayes model fitted on one one-hot row per class, which predicts exactly
    /// the class that is hot: ML.NET reads no scalar from an ONNX graph, and only its scorers make a
    /// key-typed prediction from a vector. <paramref name="classNames"/> are in the label key's order.
    /// </summary>
    public static TransformerChain<ITransformer> Fit(MLContext mlContext, IDataView input, string imageColumnName, bool imageIsPath, int imageSize,
        byte[] onnxModel, IReadOnlyList<string> classNames)
    {
        var network = Preprocess(mlContext, imageColumnName, imageIsPath, imageSize)
            .Append(mlContext.Transforms.ApplyOnnxModel([NetworkScore, PredictedOneHot], [PixelsColumnName], new MemoryStream(onnxModel)))
            .Fit(input);
        var scorer = OneHotScorer(mlContext, classNames);
        var scored = scorer.Transform(network.Transform(input));
        string[] working = imageIsPath ? [LoadedImage, ResizedImage, PixelsColumnName, NetworkScore, PredictedOneHot] : [ResizedImage, PixelsColumnName, NetworkScore, PredictedOneHot];
        var tidy = mlContext.Transforms.CopyColumns(ScoreColumnName, NetworkScore).Append(mlContext.Transforms.DropColumns(working)).Fit(scored);
        return new TransformerChain<ITransformer>([.. network, scorer, .. tidy]);
    }

    // A multiclass scorer whose prediction is the hot slot of a one-hot vector: Naive Bayes on one row per class.
    static ITransformer OneHotScorer(MLContext mlContext, IReadOnlyList<string> classNames)
    {
        var rows = classNames.Select((name, k) => new OneHotRow { Label = name, Features = Enumerable.Range(0, classNames.Count).Select(i => i == k ? 1f : 0f).ToArray() });
        var schema = SchemaDefinition.Create(typeof(OneHotRow));
        var features = schema[nameof(OneHotRow.Features)];
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, classNames.Count);
        features.ColumnName = PredictedOneHot;
        var data = mlContext.Data.LoadFromEnumerable(rows, schema);
        // Keys in class-name order, as the trained label's: key k + 1 is class k.
        var keyData = mlContext.Transforms.SelectColumns(nameof(OneHotRow.Label)).Fit(data).Transform(data);
        var keyed = mlContext.Transforms.Conversion.MapValueToKey(nameof(OneHotRow.Label), keyData: keyData).Fit(data).Transform(data);
        return mlContext.MulticlassClassification.Trainers.NaiveBayes(nameof(OneHotRow.Label), PredictedOneHot).Fit(keyed);
    }

    sealed class OneHotRow
    {
        public string Label { get; set; } = "";
        public float[] Features { get; set; } = [];
    }
}
