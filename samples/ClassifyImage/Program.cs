// Classifies one image with an exported CIFAR-10 model: dotnet run -- model.onnx cat.png
using Cifar10.Pipelines.Scoring;

if (args.Length != 2) { Console.Error.WriteLine("usage: ClassifyImage MODEL.onnx IMAGE"); return 2; }
try
{
    using var classifier = CifarClassifier.Load(args[0]);   // model.json beside it supplies class names
    var prediction = classifier.PredictFile(args[1]);
    Console.WriteLine($"{prediction.Label} ({prediction.Probability:P1})");
    foreach (var top in prediction.Top) Console.WriteLine($"  {top.Label,-12}{top.Probability,8:P1}");
    return 0;
}
catch (Cifar10.Core.CifarException e) { Console.Error.WriteLine($"error: {e.Message}"); return 1; }
