using static TorchSharp.torch;

namespace Cifar10.Pipelines.Benchmarks;

/// <summary>
/// The machine's practical fp32 limit: an n×n by n×n matmul through TorchSharp (libtorch's BLAS),
/// repeated; 2n³ FLOPs each. Training throughput is read as a fraction of this.
/// </summary>
internal static class MatmulPeak
{
    public static MatmulResult Measure(int size, int repeats, int seed)
    {
        using var scope = NewDisposeScope();
        manual_seed(seed);
        var a = randn(size, size);
        var b = randn(size, size);
        a.matmul(b).Dispose(); // warm-up: thread pool and BLAS buffers
        var seconds = Throughput.Seconds(() =>
        {
            for (int i = 0; i < repeats; i++) a.matmul(b).Dispose(); // freed at once: one result buffer is reused by the allocator
        });
        var flops = 2.0 * size * size * (double)size * repeats;
        return new MatmulResult(size, repeats, seconds, flops / seconds / 1e9);
    }
}
