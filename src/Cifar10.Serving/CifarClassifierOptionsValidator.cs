using Microsoft.Extensions.Options;

namespace Cifar10.Serving;

/// <summary>Fails the app's start with the options' own one-line problem (not a generic message) when they are unusable.</summary>
internal sealed class CifarClassifierOptionsValidator : IValidateOptions<CifarClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, CifarClassifierOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail($"Cifar10 classifier: {problem}") : ValidateOptionsResult.Success;
}
