using System.Text.Json.Serialization;

namespace Cifar10.Core.Runtime;

/// <summary>Where tensors live and models run (the names: <c>auto</c>, <c>cpu</c>, <c>cuda</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComputeDevice>))]
public enum ComputeDevice
{
    /// <summary>CUDA when libtorch sees a GPU, else the CPU.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
    /// <summary>The CPU.</summary>
    [JsonStringEnumMemberName("cpu")] Cpu,
    /// <summary>The first CUDA GPU (needs the TorchSharp-cuda backend package).</summary>
    [JsonStringEnumMemberName("cuda")] Cuda,
}
