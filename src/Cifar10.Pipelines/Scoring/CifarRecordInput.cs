using Cifar10.Core.Data;
using Microsoft.ML.Data;

namespace Cifar10.Pipelines.Scoring;

/// <summary>ML.NET input row: one CIFAR-10 record, 3,072 raw bytes in planar RGB order.</summary>
public sealed class CifarRecordInput
{
    /// <summary>Name of the input column of the scoring pipeline.</summary>
    public const string ColumnName = "record";

    /// <summary>1,024 red, 1,024 green, then 1,024 blue bytes, each plane row-major.</summary>
    [ColumnName(ColumnName)]
    [VectorType(CifarBinaryReader.PixelCount)]
    public byte[] Record { get; set; } = [];
}
