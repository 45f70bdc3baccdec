using Cifar10.Core.Training;
using TorchSharp;

namespace Cifar10.Core.Runtime;

/// <summary>
/// Whether bfloat16 training pays off here. On a CPU with native bfloat16 (AVX512-BF16 or AMX-BF16)
/// oneDNN's bfloat16 convolutions are faster than float32; elsewhere libtorch emulates bfloat16 and
/// is slower. On CUDA the bfloat16 path is untested, so <see cref="TrainingPrecision.Auto"/> means float32 there.
/// </summary>
public static class BFloat16Support
{
    static readonly Lazy<bool> Native = new(ReadCpuFlags);

    /// <summary>True when this CPU lists avx512_bf16 or amx_bf16 (read from /proc/cpuinfo; false off Linux).</summary>
    public static bool OnThisCpu => Native.Value;

    /// <summary>The precision a run on a device of type <paramref name="device"/> uses: <see cref="TrainingPrecision.Auto"/> becomes bfloat16 only where it is native.</summary>
    public static TrainingPrecision Resolve(TrainingPrecision wanted, DeviceType device) => wanted switch
    {
        TrainingPrecision.Auto => device == DeviceType.CPU && OnThisCpu ? TrainingPrecision.BFloat16 : TrainingPrecision.Float32,
        _ => wanted,
    };

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
