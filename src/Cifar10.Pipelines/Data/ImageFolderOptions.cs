namespace Cifar10.Pipelines.Data;

/// <summary>How <c>LoadImagesFromFolders</c> reads a folder of class folders.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>The column of class names (text): each image's class folder.</summary>
    public string LabelColumnName { get; init; } = "Label";
    /// <summary>The column of image paths (text, absolute).</summary>
    public string ImageColumnName { get; init; } = "ImagePath";
    /// <summary>File extensions read as images (case-insensitive); other files are ignored.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];
}
