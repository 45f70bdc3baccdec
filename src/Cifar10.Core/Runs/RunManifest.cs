using System.Security.Cryptography;
using System.Text.Json;

namespace Cifar10.Core.Runs;

/// <summary>
/// <c>manifest.json</c>: every file of a finished run with its SHA-256. It is written last and deleted
/// when (re)training starts, so its presence says the run finished, and its hashes say the files a
/// reader uses belong to that run, not to an earlier or later one written into the same folder.
/// </summary>
internal static class RunManifest
{
    public const string FileName = "manifest.json";

    /// <summary>Lists the folder's files (not hidden temp files) with their hashes, atomically.</summary>
    public static void Write(string directory)
    {
        var files = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != FileName && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => Sha256(Path.Combine(directory, name)));
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(new Manifest(files), RunFolder.Json));
    }

    /// <summary>Deletes the manifest: the folder is being (re)written and no longer a finished run.</summary>
    public static void Delete(string directory) => File.Delete(Path.Combine(directory, FileName));

    /// <summary>Throws a one-line <see cref="CifarException"/> unless the manifest is there and lists each of <paramref name="files"/> with its current hash.</summary>
    public static void Verify(string directory, IEnumerable<string> files)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new CifarException($"{directory}: not a finished run (no {FileName}): it was interrupted, is still being written, or predates manifests; resume or retrain it.");
        var manifest = JsonFile.Read<Manifest>(path, "run manifest");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (manifest.Files?.GetValueOrDefault(name) is not { } expected)
                throw new CifarException($"{file}: not listed in the run's {FileName}; the folder mixes files of different runs.");
            if (!File.Exists(file)) throw new CifarException($"{file}: file is missing.");
            if (Sha256(file) != expected)
                throw new CifarException($"{file}: changed since the run finished (its SHA-256 differs from {FileName}); the folder mixes files of different runs.");
        }
    }

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    sealed record Manifest(IReadOnlyDictionary<string, string>? Files);
}
