namespace Cifar10.Scoring;

/// <summary>What an exported <c>model.onnx</c> says about itself.</summary>
/// <param name="ImageSize">The side of the square images it takes, [N,3,S,S].</param>
/// <param name="ClassNames">Its classes, in output order (from its <c>class_names</c> metadata; "0", "1"… when it has none).</param>
public sealed record OnnxModelInfo(int ImageSize, IReadOnlyList<string> ClassNames);
