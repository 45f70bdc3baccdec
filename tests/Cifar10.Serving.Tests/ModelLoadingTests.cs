using System.Net;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;

namespace Cifar10.Serving.Tests;

/// <summary>The model loads in the background: until it is loaded <c>/health</c> is unhealthy and scoring answers 503.</summary>
public class ModelLoadingTests
{
    [RealDataFact]
    public async Task Health_is_unhealthy_and_predict_503_until_the_model_is_loaded()
    {
        using var folder = new TempDirectory();
        var model = folder.File("model.onnx");
        File.Copy(QuickRun.OnnxPath, model);
        // A named pipe as the model card holds the load up (it reads the card) until the test writes the card.
        var card = folder.File("model.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", card)!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        await using var app = await LibraryApp.StartAsync(model);

        var health = await app.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("loading", await health.Content.ReadAsStringAsync());
        Assert.True(app.Model.IsLoading);
        var busy = await app.Client.PostAsync("/predict", new ByteArrayContent(ImageFixtures.RecordAsPng(RealCifar.TestRecord(0))));
        await ProblemAssert.AssertAsync(busy, 503, "still loading");
        Assert.NotNull(busy.Headers.RetryAfter);

        await File.WriteAllBytesAsync(card, await File.ReadAllBytesAsync(Path.Combine(QuickRun.Directory, "model.json")));
        await app.Model.LoadAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(app.Model.IsLoading);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/predict", new ByteArrayContent(ImageFixtures.RecordAsPng(RealCifar.TestRecord(0))))).StatusCode);
    }

    [Fact]
    public async Task A_model_that_cannot_be_loaded_keeps_health_unhealthy_and_says_why()
    {
        await using var app = await LibraryApp.StartAsync("/nonexistent/model.onnx");
        var error = await Assert.ThrowsAsync<Cifar10.Scoring.ScoringException>(() => app.Model.LoadAsync());
        Assert.Equal("/nonexistent/model.onnx: file is missing.", error.Message);

        var health = await app.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("file is missing", await health.Content.ReadAsStringAsync());
        await ProblemAssert.AssertAsync(await app.Client.PostAsync("/predict", new ByteArrayContent([1, 2, 3])), 503, "the model failed to load: /nonexistent/model.onnx: file is missing.");
        await ProblemAssert.AssertAsync(await app.Client.GetAsync("/model"), 503, "failed to load");
    }
}
