namespace Cifar10.Core.Data;

/// <summary>
/// Finds the data: a directory given by the caller, the <c>CIFAR10_DATA</c> environment variable, the
/// per-user cache (<see cref="CifarHome"/>), the copy a development clone keeps beside itself, else a
/// download into the cache.
/// </summary>
public sealed class CifarDataLocator
{
    /// <summary>Name of the folder inside the official archive.</summary>
    public const string BatchesFolder = "cifar-10-batches-bin";
    /// <summary>Environment variable naming the data folder.</summary>
    public const string EnvironmentVariable = "CIFAR10_DATA";

    /// <summary>The cache folder; data is downloaded into its <c>data</c> subfolder.</summary>
    public string CacheDirectory { get; init; } = CifarHome.Directory;
    /// <summary>
    /// The copy a development clone keeps beside itself (<c>../shared/cifar10</c> next to the folder holding
    /// <c>Cifar10.sln</c>), or null outside a clone. A convenience for working on this repository, not a user default.
    /// </summary>
    public string? BesideRepositoryDirectory { get; init; } = FindBesideRepository();
    /// <summary>Where to download from when nothing is found.</summary>
    public CifarDownloadSource DownloadSource { get; init; } = CifarDownloadSource.Official;
    /// <summary>Download progress.</summary>
    public IProgress<(long Received, long? Total)>? DownloadProgress { get; init; }

    /// <summary>Returns the folder holding the batch files (<paramref name="explicitDirectory"/> when given), downloading them if needed.</summary>
    public async Task<string> LocateAsync(string? explicitDirectory, CancellationToken cancel = default)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
            return Resolve(explicitDirectory, null);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Resolve(fromEnvironment, $"from {EnvironmentVariable}");
        var cached = Path.Combine(CacheDirectory, "data", BatchesFolder);
        if (Directory.Exists(cached))
            return cached;
        if (BesideRepositoryDirectory is not null && HoldsData(BesideRepositoryDirectory))
            return Resolve(BesideRepositoryDirectory, "the copy beside the repository");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            return await new CifarDownloader(http) { Progress = DownloadProgress }
                .DownloadAsync(DownloadSource, Path.Combine(CacheDirectory, "data"), cancel);
        }
        catch (CifarException e)
        {
            throw new CifarException($"CIFAR-10 not found: give a data directory, set {EnvironmentVariable}, or put it in {cached} ({CifarHome.EnvironmentVariable} moves that folder); the download failed: {e.Message}", e);
        }
    }

    /// <summary>Synchronous form of <see cref="LocateAsync"/>.</summary>
    public string Locate(string? explicitDirectory) => LocateAsync(explicitDirectory).GetAwaiter().GetResult();

    // The working directory inside a clone of this repository, walking up to the folder with Cifar10.sln.
    static string? FindBesideRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Cifar10.sln")))
                return Path.Combine(directory.FullName, "..", "shared", "cifar10");
        return null;
    }

    static bool HoldsData(string directory) =>
        File.Exists(Path.Combine(directory, CifarBinaryReader.MetaFile)) || File.Exists(Path.Combine(directory, BatchesFolder, CifarBinaryReader.MetaFile));

    // Accept the batches folder itself or the folder that contains it; source says where a directory
    // not given by the caller came from.
    static string Resolve(string directory, string? source)
    {
        var nested = Path.Combine(directory, BatchesFolder);
        if (!File.Exists(Path.Combine(directory, CifarBinaryReader.MetaFile)) && Directory.Exists(nested))
            return nested;
        if (Directory.Exists(directory)) return directory;
        throw source is null
            ? new InvalidSettingException("DataDirectory", directory, "data directory does not exist.")
            : new CifarException($"{directory}: data directory does not exist ({source}).");
    }
}
