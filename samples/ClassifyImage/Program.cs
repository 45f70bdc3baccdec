// Classifies one image with a trained model: dotnet run -- model.zip cat.png   (or model.onnx)
using Cifar10.Scoring;

if (args.Length != 2) { Console.Error.WriteLine("usage: ClassifyImage MODEL.zip|MODEL.onnx IMAGE"); return 2; }
try
{
    using var classifier = ImageClassifier.Load(args[0]);   // the class names travel inside the model
    var prediction = classifier.PredictFile(args[1]);
    Console.WriteLine($"{prediction.Label} ({prediction.Probability:P1})");
    foreach (var top in prediction.Top) Console.WriteLine($"  {top.Label,-12}{top.Probability,8:P1}");
    return 0;
}
catch (ScoringException e) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }
