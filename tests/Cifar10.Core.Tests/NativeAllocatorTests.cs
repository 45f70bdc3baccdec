using Cifar10.Core.Runtime;

namespace Cifar10.Core.Tests;

public class NativeAllocatorTests
{
    [Fact]
    public void Glibc_accepts_the_allocator_settings_on_linux()
    {
        // Debian and Ubuntu use glibc, whose mallopt accepts all three settings; elsewhere it is a no-op.
        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), NativeAllocator.KeepFreedMemory());
    }
}
