using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Cifar10.Pipelines.Trainers;

/// <summary>
/// Reads a view's images once, through the same ML.NET transforms the trained model will score with
/// (<see cref="ImagePipeline.Preprocess"/>), into one uint8 tensor: epochs then never decode again.
/// Image files are checked first (<see cref="ImageCheck"/>), so a bad one stops the fit before any
/// training with a line naming it, or is skipped and counted. Rows without a label are left out.
/// </summary>
internal static class ImageCache
{
    public sealed record Result(LabeledImages Images, int Skipped);

    public static Result Read(MLContext mlContext, IDataView view, string labelColumn, string imageColumn, int imageSize, bool skipUnreadable, IProgress<ConvNetProgress>? progress)
    {
        var imageIsPath = view.Schema[imageColumn].Type is TextDataViewType;
        var skipped = 0;
        List<uint>? keys = null;
        if (imageIsPath)
        {
            var (paths, pathKeys) = ReadPaths(view, labelColumn, imageColumn);
            var good = new List<int>();
            string? firstProblem = null;
            for (int i = 0; i < paths.Count; i++)
            {
                try { ImageCheck.File(paths[i]); good.Add(i); }
                catch (ImageDecodeException e) { firstProblem ??= e.Message; skipped++; }
                if (i % 500 == 0) progress?.Report(new ConvNetProgress(ConvNetProgress.Reading, i, 2L * paths.Count));
            }
            if (firstProblem is not null && !skipUnreadable)
                throw new CifarException(skipped == 1 ? firstProblem : $"{firstProblem} ({skipped - 1} more images cannot be read; SkipUnreadableImages skips them.)");
            keys = good.Select(i => pathKeys[i]).ToList();
            view = mlContext.Data.LoadFromEnumerable(good.Select(i => new PathRow { Path = paths[i] }));
            imageColumn = nameof(PathRow.Path);
        }
        var pixels = ImagePipeline.Preprocess(mlContext, imageColumn, imageIsPath, imageSize).Fit(view).Transform(view);
        return Collect(pixels, imageIsPath ? null : labelColumn, keys, imageSize, skipped, progress);
    }

    static (List<string> Paths, List<uint> Keys) ReadPaths(IDataView view, string labelColumn, string imageColumn)
    {
        var paths = new List<string>();
        var keys = new List<uint>();
        using var cursor = view.GetRowCursor([view.Schema[labelColumn], view.Schema[imageColumn]]);
        var label = cursor.GetGetter<uint>(view.Schema[labelColumn]);
        var path = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema[imageColumn]);
        uint key = 0;
        ReadOnlyMemory<char> text = default;
        while (cursor.MoveNext())
        {
            label(ref key);
            path(ref text);
            paths.Add(text.ToString());
            keys.Add(key);
        }
        return (paths, keys);
    }

    // Labels come from the view (labelColumn) or, for files read through PathRow, from keys in row order.
    static Result Collect(IDataView pixels, string? labelColumn, List<uint>? keys, int imageSize, int skipped, IProgress<ConvNetProgress>? progress)
    {
        var column = pixels.Schema[ImagePipeline.PixelsColumnName];
        var imageBytes = 3 * imageSize * imageSize;
        var bytes = new List<byte[]>();
        var labels = new List<long>();
        var total = keys?.Count ?? -1;
        using var cursor = labelColumn is null ? pixels.GetRowCursor([column]) : pixels.GetRowCursor([column, pixels.Schema[labelColumn]]);
        var getPixels = cursor.GetGetter<VBuffer<float>>(column);
        var getLabel = labelColumn is null ? null : cursor.GetGetter<uint>(pixels.Schema[labelColumn]);
        var buffer = default(VBuffer<float>);
        uint key = 0;
        for (int row = 0; cursor.MoveNext(); row++)
        {
            if (getLabel is not null) getLabel(ref key); else key = keys![row];
            if (key == 0) { skipped++; continue; } // a missing label (a class the key type does not know)
            getPixels(ref buffer);
            var image = new byte[imageBytes];
            var values = buffer.GetValues();
            for (int i = 0; i < imageBytes; i++) image[i] = (byte)values[i];
            bytes.Add(image);
            labels.Add(key - 1);
            if (row % 500 == 0) progress?.Report(new ConvNetProgress(ConvNetProgress.Reading, total < 0 ? row : total + row, total < 0 ? -1 : 2L * total));
        }
        var all = new byte[(long)bytes.Count * imageBytes];
        for (int i = 0; i < bytes.Count; i++) bytes[i].CopyTo(all, (long)i * imageBytes);
        var images = new LabeledImages(tensor(all, [bytes.Count, 3, imageSize, imageSize], ScalarType.Byte), tensor(labels.ToArray(), [labels.Count], ScalarType.Int64));
        return new Result(images, skipped);
    }

    sealed class PathRow
    {
        public string Path { get; set; } = "";
    }
}
