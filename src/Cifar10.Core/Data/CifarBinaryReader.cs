using static TorchSharp.torch;

namespace Cifar10.Core.Data;

/// <summary>
/// Reads the official CIFAR-10 "binary version": records of 3,073 bytes (label, then 1,024 R,
/// 1,024 G, 1,024 B bytes, row-major). Each problem is reported as one line naming the file.
/// </summary>
public static class CifarBinaryReader
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;
    /// <summary>Colour channels.</summary>
    public const int Channels = LabeledImages.Channels;
    /// <summary>Bytes of one image (3 × 32 × 32).</summary>
    public const int PixelCount = Channels * Side * Side;
    /// <summary>Bytes of one record: the label and the 3,072 pixels.</summary>
    public const int RecordSize = 1 + PixelCount;
    /// <summary>Records in each official batch file.</summary>
    public const int RecordsPerFile = 10_000;
    /// <summary>Training batch file names.</summary>
    public static readonly IReadOnlyList<string> TrainFiles =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];
    /// <summary>Test batch file name.</summary>
    public const string TestFile = "test_batch.bin";
    /// <summary>Class names file.</summary>
    public const string MetaFile = "batches.meta.txt";

    /// <summary>Reads the whole dataset from a <c>cifar-10-batches-bin</c> folder.</summary>
    public static ImageDataset ReadDataset(string directory)
    {
        if (!Directory.Exists(directory))
            throw new CifarException($"{directory}: data directory does not exist.");
        var names = ReadClassNames(Path.Combine(directory, MetaFile));
        var train = ReadFiles(TrainFiles.Select(f => Path.Combine(directory, f)).ToArray());
        var test = ReadFiles([Path.Combine(directory, TestFile)]);
        return new ImageDataset(train, test, names, directory);
    }

    /// <summary>Reads the ten class names, one a line.</summary>
    public static IReadOnlyList<string> ReadClassNames(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (FileNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CifarException($"{path}: cannot be read ({e.Message})."); }
        var names = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (names.Length != CifarClasses.Count || names.Any(n => n.Any(char.IsControl)))
            throw new CifarException($"{path}: expected {CifarClasses.Count} class names, one a line; found {names.Length}.");
        return names;
    }

    /// <summary>Reads and concatenates batch files, validating every record.</summary>
    public static LabeledImages ReadFiles(IReadOnlyList<string> paths)
    {
        var total = paths.Count * RecordsPerFile;
        var pixels = new byte[(long)total * PixelCount];
        var labels = new long[total];
        for (int f = 0; f < paths.Count; f++)
            ReadFileInto(paths[f], pixels.AsSpan(f * RecordsPerFile * PixelCount, RecordsPerFile * PixelCount), labels.AsSpan(f * RecordsPerFile, RecordsPerFile));
        return new LabeledImages(
            tensor(pixels, [total, Channels, Side, Side], ScalarType.Byte),
            tensor(labels, [total], ScalarType.Int64));
    }

    static void ReadFileInto(string path, Span<byte> pixels, Span<long> labels)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CifarException($"{path}: cannot be read ({e.Message})."); }
        const long expected = (long)RecordsPerFile * RecordSize;
        if (bytes.Length != expected)
        {
            var what = bytes.Length < expected ? "truncated" : "too long";
            var whole = bytes.Length / RecordSize;
            throw new CifarException($"{path}: {what}: {bytes.Length:N0} bytes, expected {expected:N0} ({RecordsPerFile:N0} records of {RecordSize:N0}; {whole:N0} whole records found).");
        }
        for (int r = 0; r < RecordsPerFile; r++)
        {
            var record = bytes.AsSpan(r * RecordSize, RecordSize);
            if (record[0] >= CifarClasses.Count)
                throw new CifarException($"{path}: record {r} has label {record[0]}, expected 0-9.");
            labels[r] = record[0];
            record[1..].CopyTo(pixels.Slice(r * PixelCount, PixelCount));
        }
    }
}
