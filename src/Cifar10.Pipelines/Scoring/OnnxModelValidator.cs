using Cifar10.Core;
using Cifar10.Core.Export;
using Microsoft.ML.OnnxRuntime;

namespace Cifar10.Pipelines.Scoring;

/// <summary>
/// Checks that a file is a model this product can score: ONNX Runtime loads it, it keeps the
/// <see cref="OnnxContract"/> (input <c>image</c> [N,3,32,32], output <c>probabilities</c> [N,classes]),
/// and a two-image batch gives finite rows that sum to 1.
/// </summary>
public static class OnnxModelValidator
{
    /// <summary>Validates <paramref name="path"/>; problems become one-line <see cref="CifarException"/>s naming <paramref name="displayName"/> (default: the path).</summary>
    /// <returns>The number of classes the model outputs.</returns>
    public static int Validate(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var session = Open(path, name);
        RequireShape(session.InputMetadata, OnnxContract.InputName, name, "input", [3, 32, 32]);
        var classes = (int)RequireShape(session.OutputMetadata, OnnxContract.OutputName, name, "output", null)[1];

        const int batch = 2;
        var pixels = new float[batch * 3 * 32 * 32];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = i % 256; // any raw-pixel pattern will do
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [batch, 3, 32, 32]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxContract.InputName], [input], [OnnxContract.OutputName]);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        if (probabilities.Length != batch * classes)
            throw new CifarException($"{name}: a batch of {batch} images gave {probabilities.Length} values, expected {batch * classes}.");
        for (int row = 0; row < batch; row++)
        {
            var sum = probabilities.Skip(row * classes).Take(classes).Sum();
            if (!float.IsFinite(sum) || Math.Abs(sum - 1f) > 1e-3f)
                throw new CifarException($"{name}: output rows must be probabilities summing to 1, got {sum}.");
        }
        return classes;
    }

    /// <summary>Opens a session, turning ONNX Runtime's multi-line failures into one line.</summary>
    static InferenceSession Open(string path, string displayName)
    {
        if (!File.Exists(path)) throw new CifarException($"{displayName}: file is missing.");
        if (new FileInfo(path).Length == 0) throw new CifarException($"{displayName}: file is empty, not an ONNX model.");
        try
        {
            return new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CifarException($"{displayName}: not a loadable ONNX model ({FirstLine(e.Message)}).", e);
        }
    }

    static long[] RequireShape(IReadOnlyDictionary<string, NodeMetadata> values, string expectedName, string displayName, string role, int[]? exampleDims)
    {
        if (!values.TryGetValue(expectedName, out var metadata))
            throw new CifarException($"{displayName}: the model has no {role} named '{expectedName}' (it has {string.Join(", ", values.Keys)}); export it with 'cifar10 export'.");
        if (metadata.ElementType != typeof(float))
            throw new CifarException($"{displayName}: {role} '{expectedName}' must be float, is {metadata.ElementType.Name}.");
        var dims = metadata.Dimensions.Select(d => (long)d).ToArray();
        var ok = exampleDims is null ? dims.Length == 2 && dims[1] > 0 : dims.Skip(1).SequenceEqual(exampleDims.Select(d => (long)d));
        if (!ok)
            throw new CifarException($"{displayName}: {role} '{expectedName}' has shape [{string.Join(",", dims)}], expected [N,{(exampleDims is null ? "classes" : string.Join(",", exampleDims))}].");
        return dims;
    }

    static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
