// Scores image files with a model.zip trained by Cifar10.NET, using nothing but ML.NET:
//   dotnet run -- model.zip a.png b.jpg ...
// Prints one line per image: the file, the predicted class, then every class probability.
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

if (args.Length < 2) { Console.Error.WriteLine("usage: ScoreWithMlNet MODEL.zip IMAGE..."); return 2; }
var mlContext = new MLContext();
var model = mlContext.Model.Load(args[0], out _);
var engine = mlContext.Model.CreatePredictionEngine<ImageInput, ImageOutput>(model);
foreach (var image in args.Skip(1))
{
    var prediction = engine.Predict(new ImageInput { ImagePath = Path.GetFullPath(image) });
    Console.WriteLine($"{image}\t{prediction.PredictedLabel}\t{string.Join(" ", prediction.Score.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))}");
}
return 0;

sealed class ImageInput
{
    public string ImagePath { get; set; } = "";
    // Read only by models saved with their MapValueToKey("Label") step (a run's model.zip is not); ignored when scoring.
    public string Label { get; set; } = "";
}

sealed class ImageOutput
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
