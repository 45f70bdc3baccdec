// Trains a small CNN on a folder with one sub-folder of images per class, evaluates it on a second
// such folder, saves the ML.NET model and classifies one image with it:
//   dotnet run -- TRAIN_DIR TEST_DIR model.zip IMAGE [EPOCHS]
using Cifar10.Pipelines.Trainers;
using Microsoft.ML;
using Microsoft.ML.Data;

if (args.Length is < 4 or > 5) { Console.Error.WriteLine("usage: TrainOnFolder TRAIN_DIR TEST_DIR MODEL.zip IMAGE [EPOCHS]"); return 2; }
var mlContext = new MLContext(seed: 42);
try
{
    var train = mlContext.Data.LoadImagesFromFolders(args[0]);
    var test = mlContext.Data.LoadImagesFromFolders(args[1]);
    var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
        .Append(mlContext.MulticlassClassification.Trainers.ConvNet(new ConvNetTrainer.Options
        {
            Epochs = args.Length == 5 ? int.Parse(args[4]) : null,
            Progress = new Progress<ConvNetProgress>(p => { if (p.Epoch is { } e) Console.WriteLine($"epoch {e.Epoch}: accuracy {e.TrainAccuracy:P1}"); }),
        }))
        .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    var model = pipeline.Fit(train);

    var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));
    Console.WriteLine($"test accuracy {metrics.MicroAccuracy:P1}");
    mlContext.Model.Save(model, train.Schema, args[2]);

    var engine = mlContext.Model.CreatePredictionEngine<ImageInput, ImageOutput>(model);
    Console.WriteLine($"{args[3]}: {engine.Predict(new ImageInput { ImagePath = Path.GetFullPath(args[3]) }).PredictedLabel}");
    return 0;
}
catch (Exception e) when (e is Cifar10.Core.CifarException or Cifar10.Scoring.ScoringException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

sealed class ImageInput
{
    public string ImagePath { get; set; } = "";
    public string Label { get; set; } = "";
}

sealed class ImageOutput
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
