using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Which views of each image are averaged at evaluation: the image, optionally its mirror image,
/// and optionally copies shifted by <see cref="Translate"/> pixels (reflect padding) up-left and
/// down-right, each with its mirror when <see cref="Flip"/> is on. The unshifted views weigh ½
/// and the two shifted ones ¼ each, so the image itself always counts most.
/// </summary>
public readonly record struct TestTimeAugmentation(bool Flip = false, int Translate = 0)
{
    /// <summary>One view: the image as it is.</summary>
    public static TestTimeAugmentation None => default;

    /// <summary>How many views of each image are scored.</summary>
    public int Count => (Flip ? 2 : 1) * (Translate > 0 ? 3 : 1);

    /// <summary>Mean class probabilities of <paramref name="model"/> over the views of batch <paramref name="x"/>.</summary>
    public Tensor Probabilities(Func<Tensor, Tensor> model, Tensor x) => ProbabilitiesWithPlain(model, x).Mean;

    /// <summary>
    /// The mean over the views, and the probabilities of the image itself (one of the views, so a
    /// single-view score costs no extra pass); both are the same tensor when there is one view.
    /// </summary>
    public (Tensor Mean, Tensor Plain) ProbabilitiesWithPlain(Func<Tensor, Tensor> model, Tensor x)
    {
        var plain = nn.functional.softmax(model(x), 1);
        var centre = WithMirror(model, x, plain);
        if (Translate <= 0) return (centre, plain);
        long h = x.shape[2], w = x.shape[3], t = Translate;
        var padded = nn.functional.pad(x, [t, t, t, t], TorchSharp.PaddingModes.Reflect);
        var upLeft = WithMirror(model, padded.narrow(2, 0, h).narrow(3, 0, w));
        var downRight = WithMirror(model, padded.narrow(2, 2 * t, h).narrow(3, 2 * t, w));
        return (centre.mul(0.5).add_(upLeft.add(downRight).mul_(0.25)), plain);
    }

    // The view's probabilities, averaged with its mirror image's when flipping; pass them when already computed.
    Tensor WithMirror(Func<Tensor, Tensor> model, Tensor x, Tensor? probabilities = null)
    {
        probabilities ??= nn.functional.softmax(model(x), 1);
        return Flip ? probabilities.add(nn.functional.softmax(model(x.flip(3)), 1)).div_(2) : probabilities;
    }
}
