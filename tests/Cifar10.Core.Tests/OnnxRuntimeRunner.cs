using Microsoft.ML.OnnxRuntime;

namespace Cifar10.Core.Tests;

/// <summary>Runs an exported model in ONNX Runtime on raw pixel values.</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>Probabilities [count × 10] for <paramref name="pixels"/> [count × 3 × 32 × 32] raw 0–255 values.</summary>
    public static float[] Run(byte[] model, float[] pixels, int count)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [count, 3, 32, 32]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["image"], [input], ["probabilities"]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        Assert.Equal(new long[] { count, 10 }, shape);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
