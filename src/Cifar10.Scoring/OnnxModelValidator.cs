using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace Cifar10.Scoring;

/// <summary>
/// Checks that a file is a model this product can score: ONNX Runtime loads it, it keeps the contract
/// every Cifar10.NET export keeps (input <c>image</c> float [N,3,S,S] of raw 0–255 planar RGB, output
/// <c>probabilities</c> float [N,classes], metadata <c>class_names</c>), and a two-image batch gives
/// finite rows that sum to 1.
/// </summary>
public static class OnnxModelValidator
{
    /// <summary>The graph input's name.</summary>
    public const string InputName = "image";
    /// <summary>The graph output's name.</summary>
    public const string OutputName = "probabilities";
    /// <summary>The metadata key of the class names (a JSON array).</summary>
    public const string ClassNamesKey = "class_names";

    /// <summary>Validates <paramref name="path"/>; problems are one-line <see cref="ScoringException"/>s naming <paramref name="displayName"/> (default: the path).</summary>
    public static OnnxModelInfo Validate(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var session = Open(path, name);
        var input = RequireShape(session.InputMetadata, InputName, name, "input", 4);
        if (input[1] != 3 || input[2] <= 0 || input[2] != input[3])
            throw new ScoringException($"{name}: input '{InputName}' has shape [{string.Join(",", input)}], expected [N,3,S,S].");
        var size = (int)input[2];
        var classes = (int)RequireShape(session.OutputMetadata, OutputName, name, "output", 2)[1];
        if (classes <= 0) throw new ScoringException($"{name}: output '{OutputName}' has no fixed number of classes.");

        const int batch = 2;
        var pixels = new float[batch * 3 * size * size];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = i % 256; // any raw-pixel pattern will do
        using var value = OrtValue.CreateTensorValueFromMemory(pixels, [batch, 3, size, size]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [InputName], [value], [OutputName]);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        if (probabilities.Length != batch * classes)
            throw new ScoringException($"{name}: a batch of {batch} images gave {probabilities.Length} values, expected {batch * classes}.");
        for (int row = 0; row < batch; row++)
        {
            var sum = probabilities.Skip(row * classes).Take(classes).Sum();
            if (!float.IsFinite(sum) || Math.Abs(sum - 1f) > 1e-3f)
                throw new ScoringException($"{name}: output rows must be probabilities summing to 1, got {sum}.");
        }
        return new OnnxModelInfo(size, ClassNames(session, classes, name));
    }

    static IReadOnlyList<string> ClassNames(InferenceSession session, int classes, string name)
    {
        if (!session.ModelMetadata.CustomMetadataMap.TryGetValue(ClassNamesKey, out var json))
            return Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string[]? names;
        try { names = JsonSerializer.Deserialize<string[]>(json); }
        catch (JsonException) { names = null; }
        if (names is null || names.Length != classes)
            throw new ScoringException($"{name}: the model outputs {classes} probabilities but its {ClassNamesKey} metadata names {names?.Length.ToString() ?? "no"} classes.");
        return names;
    }

    /// <summary>Opens a session, turning ONNX Runtime's multi-line failures into one line.</summary>
    static InferenceSession Open(string path, string displayName)
    {
        if (Directory.Exists(path)) throw new ScoringException($"{displayName}: is a folder, not an ONNX model.");
        if (!File.Exists(path)) throw new ScoringException($"{displayName}: file is missing.");
        if (new FileInfo(path).Length == 0) throw new ScoringException($"{displayName}: file is empty, not an ONNX model.");
        try
        {
            return new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ScoringException($"{displayName}: not a loadable ONNX model ({e.Message.Split('\n')[0].Trim()}).", e);
        }
    }

    static long[] RequireShape(IReadOnlyDictionary<string, NodeMetadata> values, string expectedName, string displayName, string role, int rank)
    {
        if (!values.TryGetValue(expectedName, out var metadata))
            throw new ScoringException($"{displayName}: the model has no {role} named '{expectedName}' (it has {string.Join(", ", values.Keys)}); export it with 'cifar10 export'.");
        if (metadata.ElementType != typeof(float))
            throw new ScoringException($"{displayName}: {role} '{expectedName}' must be float, is {metadata.ElementType.Name}.");
        var dims = metadata.Dimensions.Select(d => (long)d).ToArray();
        if (dims.Length != rank)
            throw new ScoringException($"{displayName}: {role} '{expectedName}' has shape [{string.Join(",", dims)}], expected {rank} dimensions.");
        return dims;
    }
}
