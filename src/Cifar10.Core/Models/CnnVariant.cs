using System.Text;
using System.Text.RegularExpressions;

namespace Cifar10.Core.Models;

/// <summary>
/// The study's CNN and its controlled variants as one definition: <see cref="Blocks"/> blocks of
/// <see cref="ConvsPerBlock"/> × (Conv k×k → BatchNorm) then a halving (<see cref="Downsampling"/>), with
/// 32, 64, 128, 256… filters, then Flatten → Dense 128 → Dropout 0.5 → Dense classes. The default is the
/// study's <c>cnn-3x3</c>. Its id names every departure from that default:
/// <c>cnn-KxK[-Nconv][-Nblocks][-strided][-valid]</c>, e.g. <c>cnn-3x3-2conv</c> (two stacked 3×3 per
/// block), <c>cnn-3x3-4blocks</c>, <c>cnn-3x3-strided</c>, <c>cnn-3x3-valid</c>.
/// </summary>
public sealed partial record CnnVariant(int Kernel = 3, int Blocks = 3, int ConvsPerBlock = 1,
    Downsampling Downsampling = Downsampling.MaxPool, Padding Padding = Padding.Same)
{
    /// <summary>Filters of the first block; each later block doubles them.</summary>
    public const int FirstFilters = 32;
    /// <summary>Units of the hidden dense layer.</summary>
    public const int HiddenUnits = 128;

    /// <summary>The zoo id, e.g. <c>cnn-3x3-2conv</c>.</summary>
    public string Id
    {
        get
        {
            var id = new StringBuilder($"cnn-{Kernel}x{Kernel}");
            if (ConvsPerBlock != 1) id.Append($"-{ConvsPerBlock}conv");
            if (Blocks != 3) id.Append($"-{Blocks}blocks");
            if (Downsampling == Downsampling.StridedConv) id.Append("-strided");
            if (Padding == Padding.Valid) id.Append("-valid");
            return id.ToString();
        }
    }

    /// <summary>The variant an id names, or null when <paramref name="id"/> is not a <c>cnn-</c> id.</summary>
    public static CnnVariant? TryParse(string id)
    {
        var match = IdPattern().Match(id.Trim().ToLowerInvariant());
        if (!match.Success) return null;
        if (match.Groups["k"].Value != match.Groups["k2"].Value)
            throw new InvalidSettingException("Architecture", id, "kernels must be square (cnn-KxK).");
        int Number(string group, int fallback) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value) : fallback;
        return new CnnVariant(Number("k", 3), Number("blocks", 3), Number("convs", 1),
            match.Groups["strided"].Success ? Downsampling.StridedConv : Downsampling.MaxPool,
            match.Groups["valid"].Success ? Padding.Valid : Padding.Same);
    }

    /// <summary>The definition for square RGB images of <paramref name="imageSize"/> pixels and <paramref name="classes"/> classes.</summary>
    public ModelDefinition Build(int imageSize, int classes)
    {
        if (Kernel <= 0 || Kernel % 2 == 0)
            throw new CifarException($"{Id}: the kernel size must be a positive odd number ('same' padding keeps the image size only for odd kernels).");
        if (Kernel >= imageSize)
            throw new CifarException($"{Id}: the kernel size must be smaller than the {imageSize}×{imageSize} images.");
        if (Blocks is < 1 or > 8) throw new InvalidSettingException("Architecture", Id, "a CNN has 1 to 8 blocks.");
        if (ConvsPerBlock is < 1 or > 4) throw new InvalidSettingException("Architecture", Id, "a block has 1 to 4 convolutions.");
        var builder = SequentialBuilder.Input(3, imageSize, imageSize);
        for (int block = 0; block < Blocks; block++)
        {
            var filters = FirstFilters << block;
            for (int conv = 0; conv < ConvsPerBlock; conv++)
            {
                var strided = Downsampling == Downsampling.StridedConv && conv == ConvsPerBlock - 1;
                builder = builder.Conv2D(filters, Kernel, stride: strided ? 2 : 1, padding: Padding).BatchNorm();
            }
            if (Downsampling == Downsampling.MaxPool) builder = builder.MaxPool();
        }
        try
        {
            return builder.Flatten().Dense(HiddenUnits).Dropout(0.5).Dense(classes, Activation.None).Build(Id, Describe());
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException("Architecture", Id, $"does not fit {imageSize}×{imageSize} images ({e.Message}).");
        }
    }

    string Describe()
    {
        var filters = string.Join("/", Enumerable.Range(0, Blocks).Select(b => FirstFilters << b));
        var convs = ConvsPerBlock == 1 ? $"{Kernel}×{Kernel} kernels" : $"{ConvsPerBlock} stacked {Kernel}×{Kernel} convolutions per block";
        var halving = Downsampling == Downsampling.MaxPool ? "max-pool" : "stride-2 convolution";
        return $"{Blocks}-block CNN, {convs}, {filters} filters, {halving}, '{Padding.ToString().ToLowerInvariant()}' padding";
    }

    [GeneratedRegex(@"^cnn-(?<k>\d+)x(?<k2>\d+)(?:-(?<convs>\d+)conv)?(?:-(?<blocks>\d+)blocks)?(?<strided>-strided)?(?<valid>-valid)?$")]
    private static partial Regex IdPattern();
}
