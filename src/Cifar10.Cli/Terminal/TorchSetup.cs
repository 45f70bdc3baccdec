using Cifar10.Core;
using Cifar10.Core.Runtime;
using TorchSharp;

namespace Cifar10.Cli.Terminal;

/// <summary>Applies the device and thread options and the allocator tuning before any tensor work.</summary>
internal static class TorchSetup
{
    public static torch.Device Apply(string device, int? threads)
    {
        if (threads is int n) torch.set_num_threads(n);
        NativeAllocator.KeepFreedMemory();
        return EnumNames.Parse<ComputeDevice>(device, nameof(ComputeDevice)).ToTorch();
    }
}
