namespace Cifar10.Core;

/// <summary>
/// A problem the user can fix (bad data, bad option, wrong file). Its message is one line that
/// names the file or option and the problem; the CLI prints it without a stack trace.
/// </summary>
public class CifarException(string message, Exception? inner = null) : Exception(message, inner);
