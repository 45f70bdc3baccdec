using System.ComponentModel;
using Cifar10.Cli.Terminal;
using Cifar10.Core.Data;
using Cifar10.Pipelines.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 images</c>: writes CIFAR-10 as folders of PNG files, one per class, to try <c>train --images</c> on.</summary>
internal sealed class ImagesCommand : Command<ImagesCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description(DataSettings.DataDescription)]
        public string? Data { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where the class folders go.")]
        public string? Out { get; init; }

        [CommandOption("--split <NAME>")]
        [Description("train (the 50,000 training images) or test (the 10,000 test images).")]
        [DefaultValue("train")]
        public string Split { get; init; } = "train";

        [CommandOption("--per-class <N>")]
        [Description("Write only the first N images of each class.")]
        public int? PerClass { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required.");
            if (Split is not ("train" or "test")) return ValidationResult.Error($"--split {Split}: must be train or test.");
            if (PerClass is <= 0) return ValidationResult.Error($"--per-class {PerClass}: must be a positive number.");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var data = DataLoading.Load(settings.Data);
        var images = settings.Split == "train" ? data.Train : data.Test;
        var count = AnsiConsole.Status().Start($"Writing {settings.Split} images as PNG…", status =>
            ImageFolderWriter.Write(images, data.ClassNames, settings.Out!, settings.PerClass, new Progress<int>(n => status.Status($"Writing {settings.Split} images as PNG… {n:N0}"))));
        AnsiConsole.MarkupLine($"wrote {count:N0} images in {data.ClassNames.Count} class folders under {Markup.Escape(Path.GetFullPath(settings.Out!))}");
        return 0;
    }
}
