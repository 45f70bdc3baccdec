using Cifar10.Core.Data;

namespace Cifar10.Tests.Shared;

/// <summary>Writes small generated CIFAR-10 folders in the official binary layout, for edge cases.</summary>
public static class CifarFixtures
{
    /// <summary>Writes a complete, valid folder: 5 training files + test file of 10,000 records each, and batches.meta.txt.</summary>
    public static string WriteValidFolder(string directory, int seed = 1, bool randomPixels = true)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        foreach (var file in CifarBinaryReader.TrainFiles.Append(CifarBinaryReader.TestFile))
            File.WriteAllBytes(Path.Combine(directory, file), Records(randomPixels ? random : null, CifarBinaryReader.RecordsPerFile));
        File.WriteAllLines(Path.Combine(directory, CifarBinaryReader.MetaFile), CifarClasses.Names);
        return directory;
    }

    /// <summary>Records with labels cycling 0–9 and random pixels (black when <paramref name="random"/> is null: compresses fast).</summary>
    public static byte[] Records(Random? random, int count)
    {
        var bytes = new byte[count * CifarBinaryReader.RecordSize];
        random?.NextBytes(bytes);
        for (int r = 0; r < count; r++) bytes[r * CifarBinaryReader.RecordSize] = (byte)(r % 10);
        return bytes;
    }
}
