using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Serving.Tests;

/// <summary>A model that outputs NaN is the server's fault, said in one line, not an empty 500.</summary>
public class NonFiniteScoresTests
{
    [Fact]
    public async Task A_model_that_outputs_NaN_gets_a_500_problem_naming_it()
    {
        await using var app = await LibraryApp.StartAsync(NonFiniteModel.OnnxPath);
        await app.Model.LoadAsync();
        var png = ImageFixtures.Solid(32, 32, SKColors.White);

        await ProblemAssert.AssertAsync(await app.Client.PostAsync("/predict", new ByteArrayContent(png)), 500, "model produced non-finite scores");
        var batch = new MultipartFormDataContent { { new ByteArrayContent(png), "f", "white.png" } };
        await ProblemAssert.AssertAsync(await app.Client.PostAsync("/predict/batch", batch), 500, "model produced non-finite scores");
    }
}
