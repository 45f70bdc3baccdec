using Cifar10.Core.Training;
using TorchSharp;

namespace Cifar10.Core.Runtime;

/// <summary>
/// Whether bfloat16 training pays off here. On a CPU with native bfloat16 (AVX512-BF16 or AMX-BF16)
/// oneDNN's bfloat16 convolutions are faster than float32; elsewhere libtorch emulates bfloat16 and
/// is slower. On CUDA the bfloat16 path is untested, so a recipe's bfloat16 becomes float32 there too.
/// </summary>
public static class BFloat16Support
{
    static readonly Lazy<bool> Native = new(ReadCpuFlags);

    /// <summary>True when this CPU lists avx512_bf16 or amx_bf16 (read from /proc/cpuinfo; false off Linux).</summary>
    public static bool OnThisCpu => Native.Value;

    /// <summary>A recipe's precision on a device of type <paramref name="device"/>: bfloat16 only where it is native, float32 otherwise.</summary>
    public static TrainingPrecision Resolve(TrainingPrecision wanted, DeviceType device) =>
        wanted == TrainingPrecision.BFloat16 && device == DeviceType.CPU && OnThisCpu ? TrainingPrecision.BFloat16 : TrainingPrecision.Float32;

    static bool ReadCpuFlags()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("flags", StringComparison.Ordinal));
            return flags is not null && flags.Split(' ', ':', '\t').Any(flag => flag is "avx512_bf16" or "amx_bf16");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: assume the safe float32
        }
    }
}
