using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Cifar10.Core.Data;

/// <summary>Downloads <c>cifar-10-binary.tar.gz</c>, checks its MD5 and extracts it atomically.</summary>
public sealed class CifarDownloader(HttpClient http)
{
    /// <summary>Reports bytes received and the total when known.</summary>
    public IProgress<(long Received, long? Total)>? Progress { get; init; }

    /// <summary>
    /// Downloads and extracts into <paramref name="targetParent"/>, returning the path of the
    /// extracted <c>cifar-10-batches-bin</c> folder. Nothing is left half-written on failure.
    /// </summary>
    public async Task<string> DownloadAsync(CifarDownloadSource source, string targetParent, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(targetParent);
        var archive = Path.Combine(targetParent, $".download-{Guid.NewGuid():N}.tar.gz");
        var staging = Path.Combine(targetParent, $".extract-{Guid.NewGuid():N}");
        try
        {
            await FetchAsync(source.Url, archive, cancel);
            var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(archive)));
            if (md5 != source.Md5.ToLowerInvariant())
                throw new CifarException($"{source.Url}: MD5 {md5} does not match the expected {source.Md5}; the download is corrupt.");
            Directory.CreateDirectory(staging);
            await using (var file = File.OpenRead(archive))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
                await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: true, cancel);
            var extracted = Path.Combine(staging, CifarDataLocator.BatchesFolder);
            if (!Directory.Exists(extracted))
                throw new CifarException($"{source.Url}: the archive has no {CifarDataLocator.BatchesFolder} folder.");
            var target = Path.Combine(targetParent, CifarDataLocator.BatchesFolder);
            Directory.Move(extracted, target);
            return target;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException && e is not CifarException)
        {
            throw new CifarException($"{source.Url}: download failed ({e.Message.Split('\n')[0].Trim()}).", e);
        }
        finally
        {
            if (File.Exists(archive)) File.Delete(archive);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    async Task FetchAsync(Uri url, string path, CancellationToken cancel)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel);
        response.EnsureSuccessStatusCode();
        var total = response.Content.Headers.ContentLength;
        await using var input = await response.Content.ReadAsStreamAsync(cancel);
        await using var output = File.Create(path);
        var buffer = new byte[1 << 16];
        long received = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancel)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancel);
            received += read;
            Progress?.Report((received, total));
        }
    }
}
