using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// On-the-fly augmentation of a scaled batch [B,3,H,W]: random translation by up to
/// <c>translate</c> pixels with reflect padding, and horizontal flips that alternate per image
/// from epoch to epoch (each image is seen flipped in every other epoch, starting at random),
/// the derandomised flip of the published CIFAR-10 speed-runs. Randomness comes from torch's
/// generator, which the trainer reseeds every epoch, so runs stay repeatable and resumable.
/// </summary>
public sealed class BatchAugmenter(int translate, bool flip, int seed)
{
    /// <summary>Augments <paramref name="x"/>, whose rows are the dataset images <paramref name="indices"/>.</summary>
    public Tensor Apply(Tensor x, long[] indices, int epoch)
    {
        if (flip) x = Flip(x, indices, epoch);
        return translate > 0 ? Translate(x) : x;
    }

    Tensor Flip(Tensor x, long[] indices, int epoch)
    {
        var mask = indices.Select(i => (FirstFlip(i) + epoch) % 2 == 1).ToArray();
        if (!mask.Any(m => m)) return x;
        using var which = tensor(mask).to(x.device).view(-1, 1, 1, 1);
        return where(which, x.flip(3), x);
    }

    // Whether image i starts flipped: a fixed pseudo-random bit per (seed, image).
    int FirstFlip(long index) => (int)((((ulong)index * 0x9E3779B97F4A7C15UL) ^ (ulong)seed) >> 63);

    Tensor Translate(Tensor x)
    {
        long n = x.shape[0], h = x.shape[2], w = x.shape[3];
        var padded = nn.functional.pad(x, [translate, translate, translate, translate], TorchSharp.PaddingModes.Reflect);
        var dy = randint(0, 2 * translate + 1, [n], device: x.device);
        var dx = randint(0, 2 * translate + 1, [n], device: x.device);
        // Gather a shifted H×W window per image: rows dy..dy+H, columns dx..dx+W.
        var rows = (arange(h, device: x.device).unsqueeze(0) + dy.unsqueeze(1)).view(n, 1, h, 1).expand(n, x.shape[1], h, padded.shape[3]);
        var byRows = padded.gather(2, rows);
        var cols = (arange(w, device: x.device).unsqueeze(0) + dx.unsqueeze(1)).view(n, 1, 1, w).expand(n, x.shape[1], h, w);
        return byRows.gather(3, cols);
    }
}
