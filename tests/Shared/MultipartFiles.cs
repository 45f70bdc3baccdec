namespace Cifar10.Tests.Shared;

/// <summary>multipart/form-data bodies as a browser or curl -F sends them.</summary>
public static class MultipartFiles
{
    /// <summary>One part per file.</summary>
    public static MultipartFormDataContent Of(params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (field, name, bytes) in files) content.Add(new ByteArrayContent(bytes), field, name);
        return content;
    }
}
