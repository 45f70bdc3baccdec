namespace Cifar10.Scoring;

/// <summary>
/// The model itself, not the input, produced an unusable answer (e.g. NaN scores from a diverged
/// training run). Servers report it as their own fault (HTTP 500), not as bad input.
/// </summary>
public sealed class ModelOutputException(string message) : ScoringException(message);
