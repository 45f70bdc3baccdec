namespace Cifar10.Pipelines.Experiments;

/// <summary>Test accuracy and loss of one trained model evaluated under one input condition.</summary>
public sealed record DiagnosisRow(string Model, int Seed, string Condition, double Accuracy, double Loss);
