using System.Runtime.InteropServices;

namespace Cifar10.Core.Runtime;

/// <summary>
/// Tunes glibc's malloc for training. libtorch allocates every activation and gradient afresh
/// each step; by default glibc serves large blocks with mmap and hands freed memory back to the
/// kernel, so every step page-faults its working set in again. On the 2-core VM this was
/// measured on, that kernel time halved throughput for the fast network (fast-half, batch 512:
/// 175 → 407 images/s; cnn-3x3 at batch 128 unchanged, its tensors being smaller).
/// </summary>
public static class NativeAllocator
{
    const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3; // M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD in malloc.h

    /// <summary>
    /// Keeps freed memory in the process and serves blocks up to glibc's maximum (32 MiB) from the
    /// heap. Process-wide; call once before training. Returns false where it does not apply
    /// (not Linux, or not glibc).
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MmapThreshold, 32 * 1024 * 1024) == 1
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
