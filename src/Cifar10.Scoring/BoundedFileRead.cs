namespace Cifar10.Scoring;

/// <summary>Reads a stream to its end unless it holds more than a limit (a device file reports length 0 and never ends).</summary>
internal static class BoundedFileRead
{
    /// <summary>The stream's bytes, or null when there are more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAll(Stream stream, long maxBytes)
    {
        // A regular file's size is known up front: refuse it before reading anything.
        if (stream.CanSeek && stream.Length > maxBytes) return null;
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, maxBytes) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
