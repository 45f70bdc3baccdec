namespace Cifar10.Core.Data;

/// <summary>Where the archive is downloaded from and the MD5 it must have.</summary>
/// <param name="Url">Archive address.</param>
/// <param name="Md5">Expected MD5 of the archive, lower-case hex.</param>
public sealed record CifarDownloadSource(Uri Url, string Md5)
{
    /// <summary>The dataset's official binary archive (https://www.cs.toronto.edu/~kriz/cifar.html).</summary>
    public static CifarDownloadSource Official { get; } =
        new(new Uri("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), "c32a1d4ab5d03f1284b67883e8d87530");
}
