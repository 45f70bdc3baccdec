using Cifar10.Core;

namespace Cifar10.Cli;

/// <summary>
/// The command line's name for each library setting, so an <see cref="InvalidSettingException"/>
/// reads in the words the user typed: "--epochs 0: must be a positive number.".
/// </summary>
internal static class SettingFlags
{
    static readonly Dictionary<string, string> Flags = new()
    {
        ["Epochs"] = "--epochs",
        ["Seed"] = "--seed",
        ["ImageSize"] = "--image-size",
        ["BatchSize"] = "--batch-size",
        ["LearningRate"] = "--lr",
        ["InputScaling"] = "--input-scaling",
        ["Precision"] = "--precision",
        ["Recipe"] = "--recipe",
        ["Architecture"] = "--model",
        ["ComputeDevice"] = "--device",
        ["Seeds"] = "--seeds",
        ["Models"] = "--models",
        ["TrainLimit"] = "--train-limit",
        ["TestLimit"] = "--test-limit",
        ["DataDirectory"] = "--data",
        ["Suite"] = "--suite",
        ["Shift"] = "--shifts",
        ["Shifts"] = "--shifts",
        ["TrainImages"] = "--train-images",
        ["SampleSizes"] = "--sample-sizes",
        ["PermutationSeed"] = "--permutation-seed",
    };

    /// <summary>The exception's message with the setting's flag in place of its library name (unchanged for settings without a flag).</summary>
    public static string Describe(InvalidSettingException e) =>
        Flags.TryGetValue(e.Setting, out var flag) ? $"{flag} {e.Value}: {e.Problem}" : e.Message;
}
