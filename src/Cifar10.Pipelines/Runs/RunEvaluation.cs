using Cifar10.Pipelines.Evaluation;

namespace Cifar10.Pipelines.Runs;

/// <summary>A trained run measured once: ML.NET's metrics on the test set (the run's one test accuracy and loss), and accuracy on its own training images.</summary>
/// <param name="Test">ML.NET's multiclass metrics on the test images.</param>
/// <param name="TestProbabilities">Class probabilities of every test image, row-major [images × classes].</param>
/// <param name="TestLabels">The test images' labels.</param>
/// <param name="TrainInferenceAccuracy">Accuracy on the training images in inference mode (dropout off), with the kept weights.</param>
/// <param name="SingleViewTestAccuracy">Test accuracy with one view per image, when the recipe averages several (null otherwise).</param>
public sealed record RunEvaluation(ClassificationMetrics Test, float[] TestProbabilities, long[] TestLabels, double TrainInferenceAccuracy, double? SingleViewTestAccuracy = null);
