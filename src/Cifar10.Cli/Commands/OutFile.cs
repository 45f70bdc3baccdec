using Cifar10.Core;

namespace Cifar10.Cli.Commands;

/// <summary>Checks on an <c>--out FILE</c> option.</summary>
internal static class OutFile
{
    /// <summary>One-line error when <paramref name="path"/> names an existing folder (the rename at the end of the write would fail).</summary>
    public static void RequireNotDirectory(string path)
    {
        if (Directory.Exists(path)) throw new CifarException($"{path}: is a directory; --out takes a file name.");
    }
}
