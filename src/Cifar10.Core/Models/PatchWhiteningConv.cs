using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>The module of a <see cref="PatchWhiteningSpec"/>: a valid k×k convolution with frozen, data-fitted filters.</summary>
internal sealed class PatchWhiteningConv(Conv2d conv, int kernel, double epsilon) : WeightCastingModule("PatchWhitening", conv.weight!, conv.bias)
{
    /// <summary>False until <see cref="Fit"/> has set the filters (they start at zero).</summary>
    public bool IsFitted
    {
        get
        {
            using var largest = weight.abs().max();
            return largest.item<float>() > 0;
        }
    }

    /// <summary>The trained shift of each output channel.</summary>
    public Parameter Bias => bias!;

    /// <summary>Sets the filters from <paramref name="images"/> (already scaled as the model's input).</summary>
    public void Fit(Tensor images)
    {
        using var noGrad = no_grad();
        using var filters = PatchWhitening.Filters(images, kernel, epsilon);
        weight.copy_(filters);
    }

    protected override Tensor Apply(Tensor input, Tensor weight, Tensor? bias) => nn.functional.conv2d(input, weight, bias);
}
