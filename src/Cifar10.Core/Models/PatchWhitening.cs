using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Models;

/// <summary>
/// Fits <see cref="PatchWhiteningSpec"/> layers: the uncentred covariance of every k×k patch of the
/// given images (the input is already standardised, so its mean is near zero), its eigenvectors, and
/// filters that map a patch onto them at unit variance. Computed in float64 and stored as float32:
/// the weakest directions carry about a thousandth of the strongest one's variance, and the sum over
/// millions of patches should not decide them.
/// </summary>
public static class PatchWhitening
{
    /// <summary>Training images the filters are fitted on (airbench's 5,000).</summary>
    public const int FitImages = 5_000;

    /// <summary>
    /// The 2·C·k² filters [F, C, k, k] for <paramref name="images"/> [N, C, H, W]: eigenvectors in
    /// order of falling eigenvalue, each scaled by 1/√(λ + <paramref name="epsilon"/>), then the same
    /// filters negated.
    /// </summary>
    public static Tensor Filters(Tensor images, int kernel, double epsilon)
    {
        using var scope = NewDisposeScope();
        var (eigenvalues, eigenvectors) = Eigen(images, kernel);
        long channels = images.shape[1];
        var scaled = eigenvectors.t().div(eigenvalues.add(epsilon).sqrt().unsqueeze(1)); // row i: direction i ÷ √(λᵢ + ε)
        var filters = scaled.reshape(-1, channels, kernel, kernel);
        return cat([filters, filters.neg()], 0).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Eigenvalues (falling) and eigenvectors (as columns, in the same order) of the uncentred
    /// covariance of the k×k patches of <paramref name="images"/>, in float64. Patch vectors are
    /// ordered (channel, row, column), as a convolution's filters are.
    /// </summary>
    public static (Tensor Eigenvalues, Tensor Eigenvectors) Eigen(Tensor images, int kernel)
    {
        using var scope = NewDisposeScope();
        var patches = Patches(images, kernel);
        var covariance = patches.t().mm(patches).div_(patches.shape[0]);
        var (values, vectors) = linalg.eigh(covariance);
        return (values.flip(0).MoveToOuterDisposeScope(), vectors.flip(1).MoveToOuterDisposeScope());
    }

    /// <summary>Every k×k patch of <paramref name="images"/> as a row of C·k² values (float64).</summary>
    public static Tensor Patches(Tensor images, int kernel)
    {
        long channels = images.shape[1];
        return images.to(ScalarType.Float64).unfold(2, kernel, 1).unfold(3, kernel, 1) // N, C, H', W', k, k
            .permute(0, 2, 3, 1, 4, 5).reshape(-1, channels * kernel * kernel);
    }

    /// <summary>
    /// Fits every unfitted whitening layer of <paramref name="model"/> on <paramref name="images"/>;
    /// returns how many it fitted. Fitted layers are left alone, so a model trained further (or a
    /// resumed run) keeps the filters its later layers learned on.
    /// </summary>
    public static int FitLayers(nn.Module model, Func<Tensor> images)
    {
        var layers = model.modules().OfType<PatchWhiteningConv>().Where(l => !l.IsFitted).ToList();
        if (layers.Count == 0) return 0;
        using var scope = NewDisposeScope();
        var x = images();
        foreach (var layer in layers) layer.Fit(x);
        return layers.Count;
    }

    /// <summary>The trained biases of <paramref name="model"/>'s whitening layers.</summary>
    public static IReadOnlyList<TorchSharp.Modules.Parameter> Biases(nn.Module model) =>
        model.modules().OfType<PatchWhiteningConv>().Select(l => l.Bias).ToList();
}
