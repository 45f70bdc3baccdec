using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cifar10.Core.Runs;

/// <summary>Reads the JSON files a run writes, with a one-line error naming the file when it is missing or malformed.</summary>
internal static class JsonFile
{
    /// <summary>Deserializes <paramref name="path"/> with <see cref="RunFolder.Json"/>; <paramref name="what"/> names the file's kind in errors; <paramref name="upgrade"/> may rewrite an object before it is read.</summary>
    public static T Read<T>(string path, string what, Action<JsonObject>? upgrade = null) where T : class
    {
        if (Directory.Exists(path)) throw new CifarException($"{path}: is a folder, not a file.");
        try
        {
            var text = File.ReadAllText(path);
            if (upgrade is not null && JsonNode.Parse(text) is JsonObject node)
            {
                upgrade(node);
                return node.Deserialize<T>(RunFolder.Json) ?? throw new CifarException($"{path}: empty {what}.");
            }
            return JsonSerializer.Deserialize<T>(text, RunFolder.Json) ?? throw new CifarException($"{path}: empty {what}.");
        }
        catch (FileNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (DirectoryNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (UnauthorizedAccessException) { throw new CifarException($"{path}: permission denied."); }
        catch (JsonException e) { throw new CifarException($"{path}: not a valid {what} ({e.Message.Split('\n')[0]})."); }
    }
}
