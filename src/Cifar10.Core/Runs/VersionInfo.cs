using System.Reflection;

namespace Cifar10.Core.Runs;

/// <summary>Versions recorded in every run so results can be traced to the code that made them.</summary>
public static class VersionInfo
{
    /// <summary>Cifar10.NET, TorchSharp, .NET runtime and OS.</summary>
    public static IReadOnlyDictionary<string, string> Current() => new Dictionary<string, string>
    {
        ["cifar10net"] = typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["dotnet"] = Environment.Version.ToString(),
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    };
}
