using Microsoft.ML;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// The ML.NET transforms around a Cifar10.NET network, all of them ML.NET's own, so a model built
/// from them loads in an app that references only ML.NET's packages:
/// image (a file path: <c>LoadImages</c>; or an in-memory <c>MLImage</c>) → <c>ResizeImages</c>
/// (stretched to S×S, as Keras' <c>image_dataset_from_directory</c> resizes) → <c>ExtractPixels</c>
/// (planar RGB, raw 0–255: the network scales them itself) → <c>ApplyOnnxModel</c> →
/// <c>Score</c> and, through <c>MapValue</c>, <c>PredictedLabel</c> in the label's key type.
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

    const string LoadedImage = "Cifar10.LoadedImage", ResizedImage = "Cifar10.ResizedImage", PredictedIndex = "PredictedIndex";

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
    /// Image → <see cref="ScoreColumnName"/> and <see cref="PredictedLabelColumnName"/>: <see cref="Preprocess"/>,
    /// then the ONNX graph at <paramref name="onnxPath"/> (one written for ML.NET: outputs <c>Score</c> and
    /// <c>PredictedIndex</c>), then the index mapped to the label's key type, with the working columns
    /// dropped. <paramref name="classNames"/> are in the label key's order.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext mlContext, string imageColumnName, bool imageIsPath, int imageSize, string onnxPath, IReadOnlyList<string> classNames)
    {
        var indexToClass = classNames.Select((name, index) => new KeyValuePair<long, string>(index, name));
        string[] working = imageIsPath ? [LoadedImage, ResizedImage, PixelsColumnName, PredictedIndex] : [ResizedImage, PixelsColumnName, PredictedIndex];
        return Preprocess(mlContext, imageColumnName, imageIsPath, imageSize)
            .Append(mlContext.Transforms.ApplyOnnxModel([ScoreColumnName, PredictedIndex], [PixelsColumnName], onnxPath))
            .Append(mlContext.Transforms.Conversion.MapValue(PredictedLabelColumnName, indexToClass, PredictedIndex, treatValuesAsKeyType: true))
            .Append(mlContext.Transforms.DropColumns(working));
    }
}
