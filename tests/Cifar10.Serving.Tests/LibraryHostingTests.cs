using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using SkiaSharp;

namespace Cifar10.Serving.Tests;

/// <summary>The endpoint hosted in a bare ASP.NET Core app through the library only, over real HTTP, on a real model.</summary>
public class LibraryHostingTests(QuickModelApp fixture) : IClassFixture<QuickModelApp>
{
    HttpClient Client => fixture.App.Client;
    ImageClassifier Classifier => fixture.App.Model.Classifier!;

    [RealDataFact]
    public async Task Predict_and_batch_give_the_classifier_answer()
    {
        var png = ImageFixtures.RecordAsPng(RealCifar.TestRecord(3));
        var expected = Classifier.PredictPixels(RealCifar.TestRecord(3));

        var one = await Client.PostAsync("/predict?k=4", new ByteArrayContent(png));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var prediction = (await one.Content.ReadFromJsonAsync<PredictionJson>())!;
        Assert.Equal(expected.Label, prediction.Label);
        Assert.Equal(4, prediction.Top!.Count);

        var batch = await Client.PostAsync("/predict/batch", MultipartFiles.Of(("a", "three.png", png), ("b", "notes.txt", "no"u8.ToArray())));
        var results = (await batch.Content.ReadFromJsonAsync<PredictionJson[]>())!;
        Assert.Equal(expected.Label, results[0].Label);
        Assert.StartsWith("notes.txt: not a supported image", results[1].Error);
    }

    [RealDataFact]
    public async Task Health_is_ok_and_the_model_card_is_served_once_loaded()
    {
        var health = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await health.Content.ReadAsStringAsync());
        var model = await Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/model");
        Assert.Equal("dense", model.GetProperty("architecture").GetString());
        Assert.Equal("unit", model.GetProperty("inputScaling").GetString());
        Assert.Equal(QuickRun.Card.TestAccuracy!.Value, model.GetProperty("metrics").GetProperty("testAccuracy").GetDouble(), 6);
    }

    [RealDataTheory]
    [InlineData("text", 415, "not a supported image")]
    [InlineData("empty", 400, "empty")]
    [InlineData("truncated-jpeg", 400, "truncated")]
    [InlineData("jpeg-cut-before-size", 400, "truncated")]
    [InlineData("png-7000", 400, "MP limit")]
    [InlineData("gif-7000", 400, "MP limit")]
    [InlineData("bad-k", 400, "k must be")]
    [InlineData("two-files", 400, "/predict/batch")]
    [InlineData("boundary-never-appears", 400, "malformed multipart")]
    [InlineData("unterminated-multipart", 400, "malformed multipart")]
    [InlineData("over-body-limit", 413, "larger than the server's limit")]
    [InlineData("batch-not-multipart", 415, "multipart/form-data")]
    [InlineData("batch-over-pixel-budget", 413, "MP limit per request")]
    public async Task Bad_input_gets_problem_details(string kind, int status, string expected)
    {
        var jpeg = ImageFixtures.Solid(400, 400, SKColors.Tomato, SKEncodedImageFormat.Jpeg);
        var png = ImageFixtures.Solid(32, 32, SKColors.Red);
        HttpContent content = kind switch
        {
            "text" => new ByteArrayContent("hello"u8.ToArray()),
            "empty" => new ByteArrayContent([]),
            "truncated-jpeg" => new ByteArrayContent(jpeg[..1000]),
            "jpeg-cut-before-size" => new ByteArrayContent(OversizedImages.JpegCutBeforeSize(jpeg)),
            "png-7000" => new ByteArrayContent(OversizedImages.OneBitPng(7000)),
            "gif-7000" => new ByteArrayContent(OversizedImages.TinyGif(7000)),
            "two-files" => MultipartFiles.Of(("a", "a.png", png), ("b", "b.png", png)),
            "boundary-never-appears" => RawMultipart("NEVER", "just some bytes, no boundary anywhere"),
            "unterminated-multipart" => RawMultipart("XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\nabc"),
            "over-body-limit" => new ByteArrayContent(new byte[300 * 1024]),
            "batch-over-pixel-budget" => MultipartFiles.Of(Enumerable.Range(0, 5).Select(i => ("f", $"{i}.png", ImageFixtures.PngHeaderOnly(4000, 4000))).ToArray()),
            _ => new ByteArrayContent(png),
        };
        var path = kind switch
        {
            "bad-k" => "/predict?k=0",
            "batch-not-multipart" or "batch-over-pixel-budget" => "/predict/batch",
            _ => "/predict",
        };
        await ProblemAssert.AssertAsync(await Client.PostAsync(path, content), status, expected);
    }

    [RealDataFact]
    public async Task The_openapi_document_parses_and_describes_the_prediction_endpoints()
    {
        await using var stream = await Client.GetStreamAsync("/openapi/v1.json");
        var (document, diagnostic) = await Microsoft.OpenApi.Reader.OpenApiModelFactory.LoadAsync(stream, "json");
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        var predict = document.Paths["/predict"].Operations![HttpMethod.Post];
        var batch = document.Paths["/predict/batch"].Operations![HttpMethod.Post];
        Assert.Contains("multipart/form-data", batch.RequestBody!.Content!.Keys);
        Assert.Contains("application/octet-stream", predict.RequestBody!.Content!.Keys);
        Assert.Contains("at most 64 files", batch.Description);
        Assert.Contains("megapixels decoded for the whole batch", batch.Description);
        Assert.NotNull(predict.Responses!["200"].Content!["application/json"].Schema);
        Assert.Contains("application/problem+json", predict.Responses["400"].Content!.Keys);
        Assert.Contains("503", batch.Responses!.Keys);
    }

    [RealDataFact]
    public async Task Metrics_count_requests_by_status_and_time_the_model()
    {
        var before = await MetricsText();
        await Client.PostAsync("/predict", new ByteArrayContent(ImageFixtures.RecordAsPng(RealCifar.TestRecord(1))));
        await Client.PostAsync("/predict", new ByteArrayContent("not an image"u8.ToArray()));
        var after = await MetricsText();

        Assert.True(PrometheusText.Sample(after, "http_requests_received_total", "code=\"200\"", "endpoint=\"/predict\"") >= PrometheusText.Sample(before, "http_requests_received_total", "code=\"200\"", "endpoint=\"/predict\"") + 1, after);
        Assert.True(PrometheusText.Sample(after, "http_requests_received_total", "code=\"415\"", "endpoint=\"/predict\"") >= PrometheusText.Sample(before, "http_requests_received_total", "code=\"415\"", "endpoint=\"/predict\"") + 1, after);
        Assert.True(PrometheusText.Sample(after, "cifar10_inference_duration_seconds_count") >= PrometheusText.Sample(before, "cifar10_inference_duration_seconds_count") + 2);
        Assert.Contains("http_request_duration_seconds_bucket", after);
        Assert.Contains("cifar10_scoring_in_flight", after);
        Assert.Contains("cifar10_scoring_rejected_total", after);
    }

    async Task<string> MetricsText() => await Client.GetStringAsync("/metrics");

    static ByteArrayContent RawMultipart(string boundary, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }
}
