namespace Cifar10.Scoring;

/// <summary>One class and its probability.</summary>
public sealed record ClassProbability(string Label, float Probability);
