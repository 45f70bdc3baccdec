namespace Cifar10.Core.Export;

/// <summary>
/// The interface every exported <c>model.onnx</c> keeps, so apps can rely on it:
/// input <c>image</c> float [N,3,S,S] holding raw 0–255 RGB values in planar order (the graph
/// scales them as training did; S is 32 for CIFAR-10), output <c>probabilities</c> float
/// [N,classes] (softmax), metadata <c>class_names</c> (a JSON array).
/// </summary>
public static class OnnxContract
{
    /// <summary>Name of the graph input.</summary>
    public const string InputName = "image";
    /// <summary>Name of the graph output.</summary>
    public const string OutputName = "probabilities";
    /// <summary>Symbolic name of the dynamic batch dimension.</summary>
    public const string BatchDimension = "N";
    /// <summary>ONNX operator set the graph is written for.</summary>
    public const int Opset = 17;
    /// <summary>ONNX IR version matching <see cref="Opset"/> (IR 8 introduced opset 17 support).</summary>
    public const int IrVersion = 8;
    /// <summary>Conventional file name inside a run folder.</summary>
    public const string FileName = "model.onnx";
    /// <summary>Metadata key of the class names (a JSON array, in output order).</summary>
    public const string ClassNamesKey = "class_names";

    /// <summary>
    /// Outputs of the graph ML.NET scores with (<see cref="OnnxExporter.BuildForMlNet"/>): the class
    /// probabilities again, and the most probable class as a one-hot vector, both [N,classes].
    /// </summary>
    public const string NetworkScoreOutputName = "Cifar10.NetworkScore", PredictedOneHotOutputName = "Cifar10.PredictedOneHot";
}
