namespace Cifar10.Pipelines.Tests;

/// <summary>Tests that compare two trainings number for number: they run after the parallel tests, alone.</summary>
[CollectionDefinition(nameof(SeededTrainingCollection), DisableParallelization = true)]
public sealed class SeededTrainingCollection;
