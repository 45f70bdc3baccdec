using Cifar10.Core.Runtime;

namespace Cifar10.Core.Tests;

public class NativeAllocatorTests
{
    [Fact]
    public void Glibc_accepts_the_allocator_settings_on_linux()
    {
        // Debian and Ubuntu use glibc, whose mallopt accepts all three settings; elsewhere it is a no-op.
        var glibc = OperatingSystem.IsLinux() && Directory.Exists("/lib")
                    && Directory.GetDirectories("/lib", "*-linux-gnu").Any(d => File.Exists(Path.Combine(d, "libc.so.6")));
        Assert.Equal(glibc, NativeAllocator.KeepFreedMemory());
    }
}
