namespace Cifar10.Core.Export;

/// <summary>
/// The interface every exported <c>model.onnx</c> keeps, so apps can rely on it:
/// input <c>image</c> float [N,3,32,32] holding raw 0–255 RGB values in planar order (the graph
/// scales them as training did), output <c>probabilities</c> float [N,10] (softmax).
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
}
