using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cifar10.Tests.Shared;

/// <summary>
/// xunit's test framework, except that a test assembly runs its tests only while no other test assembly
/// of this repository is running its own. `dotnet test` starts the solution's test projects side by side,
/// and on two cores two libtorch-heavy processes slow each other down more than running one after the
/// other does. A file lock (released by the OS when the process ends, however it ends) is the turnstile;
/// discovery is not held back. Registered for every test project in tests/Directory.Build.props.
/// </summary>
public sealed class OneTestAssemblyAtATime(IMessageSink diagnostics) : XunitTestFramework(diagnostics)
{
    static readonly string LockPath = Path.Combine(Path.GetTempPath(), "cifar10-test-assemblies.lock");
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(60); // a hung holder must not hang every later run for ever
    static FileStream? _held; // kept open for the life of the test process

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
    {
        _held ??= WaitForTurn();
        return base.CreateExecutor(assemblyName);
    }

    static FileStream? WaitForTurn()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < GiveUpAfter)
        {
            try { return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) { Thread.Sleep(500); } // another test assembly holds it
        }
        return null;
    }
}
