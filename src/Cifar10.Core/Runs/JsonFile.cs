using System.Text.Json;

namespace Cifar10.Core.Runs;

/// <summary>Reads the JSON files a run writes, with a one-line error naming the file when it is missing or malformed.</summary>
public static class JsonFile
{
    /// <summary>Deserializes <paramref name="path"/> with <see cref="ModelCard.Json"/>; <paramref name="what"/> names the file's kind in errors.</summary>
    public static T Read<T>(string path, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), ModelCard.Json)
                ?? throw new CifarException($"{path}: empty {what}.");
        }
        catch (FileNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (DirectoryNotFoundException) { throw new CifarException($"{path}: file is missing."); }
        catch (JsonException e) { throw new CifarException($"{path}: not a valid {what} ({e.Message.Split('\n')[0]})."); }
    }
}
