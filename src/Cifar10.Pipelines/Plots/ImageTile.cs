namespace Cifar10.Pipelines.Plots;

/// <summary>One 32×32 image of a grid (planar RGB bytes, 3 × 32 × 32) with the caption lines printed under it.</summary>
internal sealed record ImageTile(byte[] Pixels, IReadOnlyList<string> Caption);
