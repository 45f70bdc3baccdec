using Cifar10.Core;
using Cifar10.Core.Data;
using Cifar10.Tests.Shared;

namespace Cifar10.Core.Tests;

public class CifarBinaryReaderTests
{
    [Fact]
    public void Real_data_has_the_official_counts_and_balanced_classes()
    {
        var data = TestData.Real;
        Assert.Equal(50_000, data.Train.Count);
        Assert.Equal(10_000, data.Test.Count);
        Assert.All(data.Train.ClassCounts(10), c => Assert.Equal(5_000, c));
        Assert.All(data.Test.ClassCounts(10), c => Assert.Equal(1_000, c));
        Assert.Equal(CifarClasses.Names, data.ClassNames);
        Assert.Equal(new long[] { 50_000, 3, 32, 32 }, data.Train.Pixels.shape);
    }

    [Fact]
    public void Pixels_are_read_as_planar_rgb_in_record_order()
    {
        // The first record of data_batch_1 decides: byte 1 is R(0,0), byte 1025 is G(0,0), byte 2049 is B(0,0).
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Directory, "data_batch_1.bin"));
        var pixels = TestData.Real.Train.Pixels;
        Assert.Equal(bytes[0], (byte)TestData.Real.Train.Labels[0].item<long>());
        Assert.Equal(bytes[1], pixels[0, 0, 0, 0].item<byte>());
        Assert.Equal(bytes[1 + 1024], pixels[0, 1, 0, 0].item<byte>());
        Assert.Equal(bytes[1 + 2048 + 33], pixels[0, 2, 1, 1].item<byte>());
        // Record 10,000 of the training set is the first of data_batch_2.
        var second = File.ReadAllBytes(Path.Combine(TestData.Directory, "data_batch_2.bin"));
        Assert.Equal(second[5], pixels[10_000, 0, 0, 4].item<byte>());
    }

    [Fact]
    public void A_generated_valid_folder_reads()
    {
        using var temp = new TempDirectory();
        using var data = CifarBinaryReader.ReadDataset(CifarFixtures.WriteValidFolder(temp.Path));
        Assert.Equal(50_000, data.Train.Count);
        Assert.Equal(1_000, data.Test.ClassCounts(10)[3]);
    }

    [Theory]
    [InlineData("data_batch_1.bin")]
    [InlineData("data_batch_2.bin")]
    [InlineData("data_batch_3.bin")]
    [InlineData("data_batch_4.bin")]
    [InlineData("data_batch_5.bin")]
    [InlineData("test_batch.bin")]
    [InlineData("batches.meta.txt")]
    public void A_missing_file_is_named_in_a_one_line_error(string file)
    {
        using var temp = new TempDirectory();
        CifarFixtures.WriteValidFolder(temp.Path);
        File.Delete(temp.File(file));
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset(temp.Path));
        Assert.Equal($"{temp.File(file)}: file is missing.", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_reported_with_its_size()
    {
        using var temp = new TempDirectory();
        CifarFixtures.WriteValidFolder(temp.Path);
        var path = temp.File("data_batch_3.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..(3073 * 100 + 7)]);
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset(temp.Path));
        Assert.Equal($"{path}: truncated: 307,307 bytes, expected 30,730,000 (10,000 records of 3,073; 100 whole records found).", error.Message);
    }

    [Fact]
    public void A_file_that_is_too_long_is_reported()
    {
        using var temp = new TempDirectory();
        CifarFixtures.WriteValidFolder(temp.Path);
        var path = temp.File("test_batch.bin");
        File.AppendAllText(path, "x");
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset(temp.Path));
        Assert.StartsWith($"{path}: too long: 30,730,001 bytes", error.Message);
    }

    [Fact]
    public void A_label_of_ten_or_more_is_reported_with_its_record()
    {
        using var temp = new TempDirectory();
        CifarFixtures.WriteValidFolder(temp.Path);
        var path = temp.File("data_batch_5.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[3073 * 42] = 10;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset(temp.Path));
        Assert.Equal($"{path}: record 42 has label 10, expected 0-9.", error.Message);
    }

    [Fact]
    public void An_unreadable_meta_file_is_reported()
    {
        using var temp = new TempDirectory();
        CifarFixtures.WriteValidFolder(temp.Path);
        File.WriteAllText(temp.File("batches.meta.txt"), "airplane\nautomobile\n");
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset(temp.Path));
        Assert.Equal($"{temp.File("batches.meta.txt")}: expected 10 class names, one a line; found 2.", error.Message);
    }

    [Fact]
    public void A_missing_directory_is_reported()
    {
        var error = Assert.Throws<CifarException>(() => CifarBinaryReader.ReadDataset("/nonexistent/cifar"));
        Assert.Equal("/nonexistent/cifar: data directory does not exist.", error.Message);
    }
}
