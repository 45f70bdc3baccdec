using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

public class TorchRuntimeTests
{
    [Fact]
    public void Torch_initialises_and_a_convolution_trains_one_step()
    {
        using var conv = nn.Conv2d(3, 4, 3, padding: 1);
        using var x = randn(2, 3, 8, 8);
        using var y = conv.forward(x);
        using var loss = y.pow(2).mean();
        loss.backward();
        var grad = conv.weight!.grad!;
        Assert.Equal(new long[] { 4, 3, 3, 3 }, grad.shape);
        Assert.True(grad.abs().sum().item<float>() > 0);
    }
}
