using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Experiments;

/// <summary>Progress of an experiment: which run (model, seed) and how far its training is.</summary>
public sealed record ExperimentProgress(string Model, int Seed, int RunIndex, int RunCount, TrainingProgress Training);
