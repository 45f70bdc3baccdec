using System.Runtime.InteropServices;

namespace Cifar10.Core.Runtime;

/// <summary>
/// Tunes glibc's malloc for training. libtorch allocates every activation and gradient afresh
/// each step; by default glibc serves large blocks with mmap and hands freed memory back to the
/// kernel, so every step page-faults its working set in again (README, "Allocator", has the
/// measurements). Raising the mmap threshold is not enough for large batches: glibc caps it at
/// 32 MiB, while the fast network's activations at batch 1024 run from 64 to 256 MiB, so mmap is
/// switched off too. glibc still maps a block on its own when a thread's arena (64 MiB heaps)
/// cannot hold it; confining every thread to the main arena as well measured no faster.
/// </summary>
public static class NativeAllocator
{
    const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3, MmapMax = -4; // M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD, M_MMAP_MAX in malloc.h

    /// <summary>
    /// Keeps freed memory in the process and serves blocks from the heap rather than from mappings
    /// of their own, so a training step reuses the pages the previous step freed. The cost is memory
    /// that stays with the process after its peak. Process-wide; call once before training. Returns
    /// false where it does not apply (not Linux, or not glibc).
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MmapThreshold, 32 * 1024 * 1024) == 1
                   & mallopt(MmapMax, 0) == 1
                   & mallopt(TrimThreshold, int.MaxValue) == 1
                   & mallopt(TopPad, 64 * 1024 * 1024) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // musl and other C libraries: nothing to tune
        }
    }

    [DllImport("libc")]
    static extern int mallopt(int param, int value);
}
