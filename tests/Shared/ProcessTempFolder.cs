namespace Cifar10.Tests.Shared;

/// <summary>A temp folder for a fixture made once per test process, removed when the process ends (rather than filling /tmp run after run).</summary>
public static class ProcessTempFolder
{
    /// <summary>Creates the folder (name starting with <paramref name="prefix"/>) and registers its removal.</summary>
    public static string Create(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(directory, recursive: true); } catch (IOException) { } };
        return directory;
    }
}
