using TorchSharp;

namespace Cifar10.Core.Runtime;

/// <summary>Turns the <c>--device auto|cpu|cuda</c> option into a TorchSharp device.</summary>
public static class DeviceSelector
{
    /// <summary>Resolves a device name; <c>auto</c> takes CUDA when libtorch sees a GPU.</summary>
    public static torch.Device Resolve(string? name)
    {
        switch ((name ?? "auto").Trim().ToLowerInvariant())
        {
            case "auto":
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case "cpu":
                return torch.CPU;
            case "cuda":
                if (!torch.cuda.is_available())
                    throw new CifarException("--device cuda: no CUDA device is available (reference TorchSharp-cuda-linux instead of TorchSharp-cpu on a CUDA machine).");
                return torch.CUDA;
            default:
                throw new CifarException($"--device '{name}': expected auto, cpu or cuda.");
        }
    }
}
