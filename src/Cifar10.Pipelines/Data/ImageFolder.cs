using Cifar10.Core;

namespace Cifar10.Pipelines.Data;

/// <summary>
/// A folder of class folders, the layout of ML.NET's image-classification samples, Keras'
/// <c>image_dataset_from_directory</c> and torchvision's <c>ImageFolder</c>: each sub-folder of the root
/// is a class, and every image file anywhere below it (nested folders allowed) belongs to that class.
/// Classes and images are in ordinal order of their names and paths, so a folder always reads the same.
/// </summary>
public sealed class ImageFolder
{
    ImageFolder(string root, IReadOnlyList<string> classNames, IReadOnlyList<(string ClassName, string Path)> images)
    {
        Root = root;
        ClassNames = classNames;
        Images = images;
    }

    /// <summary>The root folder (absolute).</summary>
    public string Root { get; }
    /// <summary>The class folders' names, in ordinal order.</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>Every image: its class and its absolute path.</summary>
    public IReadOnlyList<(string ClassName, string Path)> Images { get; }

    /// <summary>
    /// Scans <paramref name="root"/>. One-line errors for a missing root, a root with fewer than two
    /// class folders, and a class folder without images. Hidden folders and files (a leading dot) are skipped.
    /// <paramref name="extensions"/> default to <see cref="ImageFolderOptions.Extensions"/>' default.
    /// </summary>
    public static ImageFolder Scan(string root, IReadOnlyList<string>? extensions = null)
    {
        extensions ??= new ImageFolderOptions().Extensions;
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full)) throw new CifarException($"{root}: folder does not exist.");
        var classFolders = Directory.GetDirectories(full).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal).ToArray();
        if (classFolders.Length < 2)
            throw new CifarException($"{root}: needs one sub-folder per class and at least two classes; found {classFolders.Length} class folder{(classFolders.Length == 1 ? "" : "s")}.");
        var images = new List<(string, string)>();
        foreach (var folder in classFolders)
        {
            var name = Path.GetFileName(folder);
            var files = ImagesBelow(folder, extensions);
            if (files.Length == 0)
                throw new CifarException($"{folder}: class folder '{name}' has no images ({string.Join(", ", extensions)}).");
            images.AddRange(files.Select(f => (name, f)));
        }
        return new ImageFolder(full, classFolders.Select(Path.GetFileName).ToArray()!, images);
    }

    static string[] ImagesBelow(string folder, IReadOnlyList<string> extensions) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
