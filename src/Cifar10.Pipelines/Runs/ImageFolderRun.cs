using Cifar10.Core.Runs;
using Cifar10.Pipelines.Data;
using Cifar10.Pipelines.Evaluation;
using Cifar10.Pipelines.Plots;
using Cifar10.Pipelines.Trainers;
using Cifar10.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Cifar10.Pipelines.Runs;

/// <summary>
/// A training run on a folder of class folders, through the library's front door: the folder as an
/// <c>IDataView</c>, <c>MapValueToKey</c> → <c>ConvNet</c> → <c>MapKeyToValue</c>, and the fitted
/// pipeline saved as the run's <c>model.zip</c>, beside the usual run files (weights, model.json with the
/// layer definitions, model.onnx, history, learning curves). A test folder, when given, is scored with
/// the saved model and written as evaluation.json and confusion-matrix.png.
/// </summary>
public static class ImageFolderRun
{
    /// <summary>
    /// Trains on <paramref name="imagesRoot"/> into <paramref name="runDirectory"/> (which becomes
    /// <paramref name="options"/>' <c>RunDirectory</c>); evaluates on <paramref name="testRoot"/> if given.
    /// </summary>
    public static ImageFolderRunOutcome Execute(string imagesRoot, string? testRoot, string runDirectory, ConvNetTrainer.Options options)
    {
        var mlContext = new MLContext(options.Seed);
        var testFolder = testRoot is null ? null : ImageFolder.Scan(testRoot); // bad test folders fail before training
        var images = mlContext.Data.LoadImagesFromFolders(imagesRoot);
        options.RunDirectory = runDirectory;
        var trainer = mlContext.MulticlassClassification.Trainers.ConvNet(options);
        // Keys by value: class k is the k-th class folder in ordinal order, as ImageFolder lists them.
        var pipeline = mlContext.Transforms.Conversion.MapValueToKey(options.LabelColumnName, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(trainer)
            .Append(mlContext.Transforms.Conversion.MapKeyToValue(ImagePipeline.PredictedLabelColumnName));
        var model = pipeline.Fit(images);

        // model.zip scores from the image path alone: the label's key mapping is left out (the
        // prediction's key type still carries the class names), so apps feed no Label column.
        var folder = new RunFolder(runDirectory);
        var scoring = new TransformerChain<ITransformer>(model.Skip(1).ToArray());
        var imageOnly = mlContext.Transforms.SelectColumns(options.ImageColumnName).Fit(images).Transform(images);
        AtomicFile.Write(folder.MlNetModelPath, temp => mlContext.Model.Save(scoring, imageOnly.Schema, temp));
        var fit = trainer.LastFit!;
        LearningCurvesPlot.Save(folder.LearningCurvesPath, fit.Definition.Id, fit.History);

        ClassificationMetrics? test = null;
        if (testFolder is not null)
        {
            using var classifier = ImageClassifier.Load(folder.MlNetModelPath);
            test = classifier.Evaluate(testFolder);
            EvaluationFiles.Write(runDirectory, folder.MlNetModelPath, fit.Definition.Id, test);
        }
        folder.WriteManifest(); // last: now with model.zip, the curves and the evaluation
        return new ImageFolderRunOutcome(runDirectory, fit, test);
    }
}

/// <summary>What a folder run produced.</summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Fit">How the ConvNet fit went (history, images, BatchNorm recalibration).</param>
/// <param name="Test">Metrics on the test folder, when one was given.</param>
public sealed record ImageFolderRunOutcome(string Directory, ConvNetFit Fit, ClassificationMetrics? Test);
