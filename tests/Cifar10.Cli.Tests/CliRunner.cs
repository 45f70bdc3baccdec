using Cifar10.Tests.Shared;

namespace Cifar10.Cli.Tests;

/// <summary>Runs the built <c>cifar10</c> app as a separate process, as a user would, and captures what it prints.</summary>
internal static class CliRunner
{
    public static DotnetProcess.Result Run(params string[] args) =>
        DotnetProcess.Run([Path.Combine(AppContext.BaseDirectory, "cifar10.dll"), .. args]);
}
