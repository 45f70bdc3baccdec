using Cifar10.Pipelines.Runs;

namespace Cifar10.Pipelines.Experiments;

/// <summary>One model trained with one seed: its run folder and results.</summary>
public sealed record SeedResult(int Seed, string RunDirectory, RunResults Results);
