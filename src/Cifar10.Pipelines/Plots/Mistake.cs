namespace Cifar10.Pipelines.Plots;

/// <summary>A wrongly classified test image.</summary>
/// <param name="Index">Row of the image in the test set.</param>
/// <param name="TrueClass">Its label.</param>
/// <param name="PredictedClass">The model's arg-max class.</param>
/// <param name="Confidence">The probability the model gave its (wrong) prediction.</param>
internal readonly record struct Mistake(int Index, int TrueClass, int PredictedClass, float Confidence);
