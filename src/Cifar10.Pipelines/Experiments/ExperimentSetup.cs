namespace Cifar10.Pipelines.Experiments;

/// <summary>What every run of an experiment shares.</summary>
public sealed record ExperimentSetup(IReadOnlyList<int> Seeds, int? TrainLimit, int? TestLimit, string Device, int Threads);
