using Cifar10.Core.Data;

namespace Cifar10.Tests.Shared;

/// <summary>The real CIFAR-10 test batch, read once per test process.</summary>
public static class RealCifar
{
    public const string Variable = "CIFAR10_DATA";

    static readonly Lazy<LabeledImages> TestSet = new(() => Read(CifarBinaryReader.TestFile));
    static readonly Lazy<LabeledImages> FirstTrainBatch = new(() => Read(CifarBinaryReader.TrainFiles[0]));

    /// <summary>The batches folder (see <see cref="TestData.Directory"/>), or null when the real data is nowhere to be found.</summary>
    public static string? Directory
    {
        get
        {
            try { return TestData.Directory; }
            catch (InvalidOperationException) { return null; }
        }
    }

    /// <summary>All 10,000 test images (shared: do not dispose).</summary>
    public static LabeledImages Test => TestSet.Value;

    /// <summary>The 10,000 images of <c>data_batch_1.bin</c> (shared: do not dispose).</summary>
    public static LabeledImages Train1 => FirstTrainBatch.Value;

    /// <summary>The raw 3,072-byte record (R, G, B planes) of test image <paramref name="index"/>.</summary>
    public static byte[] TestRecord(int index)
    {
        using var image = Test.Pixels[index];
        return image.data<byte>().ToArray();
    }

    static LabeledImages Read(string file) =>
        CifarBinaryReader.ReadFiles([Path.Combine(Directory ?? throw new InvalidOperationException($"{Variable} is not set"), file)]);
}
