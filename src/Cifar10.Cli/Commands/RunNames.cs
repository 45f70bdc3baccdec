namespace Cifar10.Cli.Commands;

/// <summary>Default output folders: <c>artifacts/runs/&lt;name&gt;-&lt;timestamp&gt;</c>.</summary>
internal static class RunNames
{
    public static string DefaultDirectory(string name) =>
        Path.Combine("artifacts", "runs", $"{name}-{DateTime.Now:yyyyMMdd-HHmmss}");
}
