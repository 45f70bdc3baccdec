using System.Text.RegularExpressions;

namespace Cifar10.Core.Models;

/// <summary>The study's architectures, by id: <c>dense</c>, <c>cnn-3x3</c>, <c>cnn-5x5</c>, any odd <c>cnn-KxK</c>.</summary>
public static partial class ModelZoo
{
    /// <summary>The ids the study runs by default.</summary>
    public static IReadOnlyList<string> StudyModels { get; } = ["dense", "cnn-3x3", "cnn-5x5"];

    /// <summary>The dense baseline: 3072 → 512 → 256 → 10 with dropout 0.5 (1,707,274 parameters).</summary>
    public static ModelDefinition Dense() => SequentialBuilder.Input(3, 32, 32)
        .Flatten()
        .Dense(512).Dropout(0.5)
        .Dense(256).Dropout(0.5)
        .Dense(10, Activation.None)
        .Build("dense", "dense baseline: Flatten → Dense 512 → Dense 256 → Dense 10");

    /// <summary>The study's CNN with k×k kernels: 3 × (Conv → BatchNorm → MaxPool), 32/64/128 filters, Dense 128, Dense 10.</summary>
    public static ModelDefinition Cnn(int kernel)
    {
        if (kernel <= 0 || kernel % 2 == 0)
            throw new CifarException($"cnn-{kernel}x{kernel}: the kernel size must be a positive odd number ('same' padding keeps the image size only for odd kernels).");
        if (kernel > 31)
            throw new CifarException($"cnn-{kernel}x{kernel}: the kernel size must be at most 31 for 32×32 images.");
        return SequentialBuilder.Input(3, 32, 32)
            .Conv2D(32, kernel).BatchNorm().MaxPool()
            .Conv2D(64, kernel).BatchNorm().MaxPool()
            .Conv2D(128, kernel).BatchNorm().MaxPool()
            .Flatten()
            .Dense(128).Dropout(0.5)
            .Dense(10, Activation.None)
            .Build($"cnn-{kernel}x{kernel}", $"3-block CNN, {kernel}×{kernel} kernels, 32/64/128 filters");
    }

    /// <summary>Looks up a model id; unknown ids give a one-line error listing the valid ones.</summary>
    public static ModelDefinition Get(string id)
    {
        var normalized = (id ?? "").Trim().ToLowerInvariant();
        if (normalized == "dense") return Dense();
        var cnn = CnnId().Match(normalized);
        if (cnn.Success)
        {
            if (cnn.Groups[1].Value != cnn.Groups[2].Value)
                throw new CifarException($"model '{id}': kernels must be square (cnn-KxK).");
            return Cnn(int.Parse(cnn.Groups[1].Value));
        }
        throw new CifarException($"model '{id}': unknown; expected dense or cnn-KxK with odd K (e.g. cnn-3x3, cnn-5x5).");
    }

    [GeneratedRegex(@"^cnn-(\d+)x(\d+)$")]
    private static partial Regex CnnId();
}
