using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cifar10.Serving;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Cli.Tests;

/// <summary>The HTTP API over real HTTP on a loopback port.</summary>
public class ServeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    HttpClient Client => fixture.Client;

    [RealDataFact]
    public async Task Health_and_model_card()
    {
        Assert.Equal("""{"status":"ok"}""", await Client.GetStringAsync("/health"));

        var model = await Client.GetFromJsonAsync<JsonElement>("/model");
        Assert.Equal("dense", model.GetProperty("architecture").GetString());
        Assert.Equal(10, model.GetProperty("classes").GetArrayLength());
        Assert.Equal("image", model.GetProperty("input").GetProperty("name").GetString());
        Assert.Equal("[\"N\",3,32,32]", model.GetProperty("input").GetProperty("shape").GetRawText());
        Assert.Equal("probabilities", model.GetProperty("output").GetProperty("name").GetString());
        Assert.Equal(QuickRun.Card.TestAccuracy!.Value, model.GetProperty("metrics").GetProperty("testAccuracy").GetDouble(), 6);
    }

    [RealDataFact]
    public async Task Raw_and_multipart_posts_of_a_real_test_image_give_the_classifier_answer()
    {
        var record = RealCifar.TestRecord(7);
        var png = ImageFixtures.RecordAsPng(record);
        var expected = fixture.Server.Classifier.PredictPixels(record);

        using var raw = new ByteArrayContent(png);
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var fromRaw = await ReadPrediction(await Client.PostAsync("/predict", raw));
        var fromForm = await ReadPrediction(await Client.PostAsync("/predict?k=5", MultipartFiles.Of(("file", "seven.png", png))));

        Assert.Equal(expected.Label, fromRaw.Label);
        Assert.Equal(expected.Probability, fromRaw.Probability!.Value, 6);
        Assert.Equal(expected.Top.Select(t => t.Label), fromRaw.Top!.Select(t => t.Label));
        Assert.Equal(expected.Label, fromForm.Label);
        Assert.Equal(5, fromForm.Top!.Count);
    }

    [RealDataFact]
    public async Task Batch_scores_every_file_and_reports_bad_ones_in_place()
    {
        var response = await Client.PostAsync("/predict/batch", MultipartFiles.Of(
            ("a", "zero.png", ImageFixtures.RecordAsPng(RealCifar.TestRecord(0))),
            ("b", "notes.txt", "not an image"u8.ToArray()),
            ("c", "cmyk.jpg", CmykJpeg.Solid(16, 255, 0, 0, 255))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<PredictionJson[]>())!;
        Assert.Equal(["zero.png", "notes.txt", "cmyk.jpg"], results.Select(r => r.File));
        Assert.Equal(fixture.Server.Classifier.PredictPixels(RealCifar.TestRecord(0)).Label, results[0].Label);
        Assert.StartsWith("notes.txt: not a supported image", results[1].Error);
        Assert.NotNull(results[2].Label);
    }

    [RealDataTheory]
    [InlineData("text", 415, "not a supported image")]
    [InlineData("truncated", 400, "truncated")]
    [InlineData("empty", 400, "empty")]
    [InlineData("huge-header", 400, "MP limit")]
    [InlineData("bad-k", 400, "k must be")]
    public async Task Bad_requests_get_problem_details(string kind, int status, string expected)
    {
        byte[] body = kind switch
        {
            "text" => "hello"u8.ToArray(),
            "truncated" => ImageFixtures.Solid(400, 400, SKColors.Tomato, SKEncodedImageFormat.Jpeg)[..1000],
            "empty" => [],
            "huge-header" => ImageFixtures.PngHeaderOnly(20_000, 20_000),
            _ => ImageFixtures.Solid(32, 32, SKColors.Red),
        };
        var response = await Client.PostAsync(kind == "bad-k" ? "/predict?k=0" : "/predict", new ByteArrayContent(body));
        await ProblemAssert.AssertAsync(response, status, expected);
    }

    [RealDataFact]
    public async Task A_body_over_the_limit_gets_413_problem_details()
    {
        var tooBig = new byte[300 * 1024]; // the fixture's limit is 256 KiB
        await ProblemAssert.AssertAsync(await Client.PostAsync("/predict", new ByteArrayContent(tooBig)), 413, "larger than the server's limit");
    }

    [RealDataFact]
    public async Task Two_files_to_predict_is_a_400_pointing_at_batch()
    {
        var png = ImageFixtures.Solid(32, 32, SKColors.Blue);
        await ProblemAssert.AssertAsync(await Client.PostAsync("/predict", MultipartFiles.Of(("a", "a.png", png), ("b", "b.png", png))), 400, "/predict/batch");
    }

    [RealDataFact]
    public async Task Concurrent_requests_get_the_same_answers_as_one_at_a_time()
    {
        var images = Enumerable.Range(0, 24).Select(i => ImageFixtures.RecordAsPng(RealCifar.TestRecord(i))).ToArray();
        var expected = Enumerable.Range(0, 24).Select(i => fixture.Server.Classifier.PredictPixels(RealCifar.TestRecord(i)).Label).ToArray();
        var answers = await Task.WhenAll(images.Select(async png => (await ReadPrediction(await Client.PostAsync("/predict", new ByteArrayContent(png)))).Label));
        Assert.Equal(expected, answers);
    }

    static async Task<PredictionJson> ReadPrediction(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<PredictionJson>(text)!;
    }
}
