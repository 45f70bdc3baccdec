namespace Cifar10.Core.Runs;

/// <summary>Writes files so that readers never see half of one: write a temp file beside it, then rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes through <paramref name="write"/> into a temp file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsureDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Atomic <see cref="File.WriteAllText(string, string?)"/>.</summary>
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    /// <summary>Atomic <see cref="File.WriteAllBytes(string, byte[])"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>Creates a directory, with a one-line error when a file is in the way.</summary>
    public static void EnsureDirectory(string directory)
    {
        if (File.Exists(directory))
            throw new CifarException($"{directory}: is a file, not a directory; choose another output directory.");
        try { Directory.CreateDirectory(directory); }
        catch (IOException e) { throw new CifarException($"{directory}: cannot create the directory ({e.Message})."); }
        catch (UnauthorizedAccessException) { throw new CifarException($"{directory}: permission denied."); }
    }
}
