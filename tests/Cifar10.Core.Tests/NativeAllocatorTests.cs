using System.Runtime.InteropServices;
using Cifar10.Core.Runtime;

namespace Cifar10.Core.Tests;

public class NativeAllocatorTests
{
    static bool IsGlibc => OperatingSystem.IsLinux() && Environment.Is64BitProcess && Directory.Exists("/lib")
                           && Directory.GetDirectories("/lib", "*-linux-gnu").Any(d => File.Exists(Path.Combine(d, "libc.so.6")));

    [Fact]
    public void Glibc_accepts_the_allocator_settings_on_linux()
    {
        // Debian and Ubuntu use glibc, whose mallopt accepts every setting; elsewhere it is a no-op.
        Assert.Equal(IsGlibc, NativeAllocator.KeepFreedMemory());
    }

    [Fact]
    public void A_block_above_glibcs_mmap_ceiling_is_served_from_the_heap_not_mapped_on_its_own()
    {
        if (!IsGlibc) return; // nothing to check where the settings do not apply
        Assert.True(NativeAllocator.KeepFreedMemory());
        // 48 MiB: above the 32 MiB that M_MMAP_THRESHOLD can be raised to, so without M_MMAP_MAX = 0
        // glibc maps it on its own and unmaps it when freed; below the 64 MiB heap of a thread's arena.
        const int size = 48 * 1024 * 1024;
        var block = Marshal.AllocHGlobal(size); // malloc on Unix
        try
        {
            // glibc keeps a chunk's size just before it, with bit 1 (IS_MMAPPED) set for a block mapped on its own.
            var sizeField = Marshal.ReadInt64(block, -8);
            Assert.True((sizeField & 2) == 0, $"the {size / (1024 * 1024)} MiB block was mapped on its own (chunk size field 0x{sizeField:x})");
            Assert.True((sizeField & ~7L) >= size, $"chunk size field 0x{sizeField:x} is not a size of at least {size}");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
