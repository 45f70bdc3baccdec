using System.ComponentModel;
using Cifar10.Core.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cifar10.Cli.Commands;

/// <summary><c>cifar10 summary --model M</c>: the Keras-like layer table.</summary>
internal sealed class SummaryCommand : Command<SummaryCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <ID>")]
        [Description("dense, cnn-3x3, cnn-5x5 or any odd cnn-KxK.")]
        [DefaultValue("cnn-3x3")]
        public string Model { get; init; } = "cnn-3x3";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Text(ModelZoo.Get(settings.Model).Summary()));
        return 0;
    }
}
