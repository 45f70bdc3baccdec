namespace Cifar10.Scoring;

/// <summary>
/// A problem the caller can fix (a missing or foreign model file, an image that cannot be scored).
/// Its message is one line that names the file and the problem.
/// </summary>
public class ScoringException(string message, Exception? inner = null) : Exception(message, inner);
