using TorchSharp;

namespace Cifar10.Core.Runtime;

/// <summary>Turns a <see cref="ComputeDevice"/> into a TorchSharp device.</summary>
public static class ComputeDevices
{
    /// <summary>The TorchSharp device for <paramref name="device"/>; a one-line error when CUDA is asked for and absent.</summary>
    public static torch.Device ToTorch(this ComputeDevice device) => device switch
    {
        ComputeDevice.Cpu => torch.CPU,
        ComputeDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
        ComputeDevice.Cuda => throw new InvalidSettingException(nameof(ComputeDevice), "cuda",
            "no CUDA device is available (reference TorchSharp-cuda-linux instead of TorchSharp-cpu on a CUDA machine)."),
        _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
    };
}
