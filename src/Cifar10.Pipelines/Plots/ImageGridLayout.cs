using SkiaSharp;

namespace Cifar10.Pipelines.Plots;

/// <summary>How an <see cref="ImageGrid"/> is laid out.</summary>
/// <param name="Title">Heading over the grid.</param>
/// <param name="Columns">Tiles per row.</param>
/// <param name="Scale">Nearest-neighbour upscaling of each 32×32 image (32 px is too small to see).</param>
/// <param name="RowLabels">Optional label left of each row (e.g. the class name).</param>
/// <param name="CaptionColors">Colour of caption line i (the last one repeats); black when empty.</param>
internal sealed record ImageGridLayout(string Title, int Columns, int Scale = 3, IReadOnlyList<string>? RowLabels = null, IReadOnlyList<SKColor>? CaptionColors = null)
{
    /// <summary>Text shown instead of the grid when there are no tiles.</summary>
    public string EmptyMessage { get; init; } = "nothing to show";
}
