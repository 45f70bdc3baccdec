namespace Cifar10.Core.Models;

/// <summary>The shape of one example flowing between layers (channels, height, width) or (features).</summary>
public sealed class Shape : IEquatable<Shape>
{
    readonly int[] _dims;

    /// <summary>Creates a shape from its dimensions.</summary>
    public Shape(params int[] dims)
    {
        if (dims.Length == 0 || dims.Any(d => d <= 0))
            throw new ArgumentException($"invalid shape ({string.Join(", ", dims)})");
        _dims = dims.ToArray();
    }

    /// <summary>The dimensions, batch excluded.</summary>
    public IReadOnlyList<int> Dims => _dims;
    /// <summary>Number of dimensions.</summary>
    public int Rank => _dims.Length;
    /// <summary>Number of values (product of the dimensions).</summary>
    public long Elements => _dims.Aggregate(1L, (a, d) => a * d);
    /// <summary>First dimension: channels of an image shape, features of a flat one.</summary>
    public int Channels => _dims[0];
    /// <summary>Height of an image shape.</summary>
    public int Height => _dims[1];
    /// <summary>Width of an image shape.</summary>
    public int Width => _dims[2];

    /// <summary>Throws a readable error when the shape is not (C,H,W).</summary>
    public Shape RequireImage(string layer) =>
        Rank == 3 ? this : throw new ArgumentException($"{layer} needs an image input (C,H,W), got {this}; add Flatten only after the convolutional part");

    /// <summary>Throws a readable error when the shape is not flat.</summary>
    public Shape RequireFlat(string layer) =>
        Rank == 1 ? this : throw new ArgumentException($"{layer} needs a flat input, got {this}; add Flatten() first");

    /// <summary>Keras-style text with the batch dimension first, e.g. <c>(None, 32, 16, 16)</c>.</summary>
    public override string ToString() => $"(None, {string.Join(", ", _dims)})";
    /// <inheritdoc />
    public bool Equals(Shape? other) => other is not null && _dims.SequenceEqual(other._dims);
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Shape);
    /// <inheritdoc />
    public override int GetHashCode() => _dims.Aggregate(17, (h, d) => h * 31 + d);
}
