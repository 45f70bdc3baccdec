namespace Cifar10.Core.Data;

/// <summary>
/// The per-user folder where downloaded data is cached: <c>CIFAR10_HOME</c> when set, else
/// <c>$XDG_CACHE_HOME/cifar10</c>, else <c>~/.cache/cifar10</c> (on Windows, <c>%LOCALAPPDATA%\cifar10</c>).
/// A per-user cache, not the current directory, so every run of the tool finds the one download.
/// </summary>
public static class CifarHome
{
    /// <summary>Environment variable naming the cache folder.</summary>
    public const string EnvironmentVariable = "CIFAR10_HOME";

    /// <summary>The cache folder for this user (not created here).</summary>
    public static string Directory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(home)) return Path.GetFullPath(home);
            if (OperatingSystem.IsWindows())
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "cifar10");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cacheRoot = !string.IsNullOrWhiteSpace(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cacheRoot, "cifar10");
        }
    }
}
