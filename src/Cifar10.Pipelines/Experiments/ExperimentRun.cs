namespace Cifar10.Pipelines.Experiments;

/// <summary>Which run of an experiment is training: its model, its seed, and its place among all runs.</summary>
public sealed record ExperimentRun(string Model, int Seed, int Index, int Count);
