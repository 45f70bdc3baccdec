using Cifar10.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cifar10.Serving;

/// <summary><c>POST /predict</c>: one image, as the raw body or as the only file of a multipart form.</summary>
internal static class PredictEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CifarClassifierModel model, ScoringGate gate, IOptions<CifarClassifierOptions> options)
    {
        var request = context.Request;
        var classifier = PredictionRequest.ReadyClassifier(model, options.Value);
        PredictionRequest.LimitBody(context, options.Value.MaxRequestBytes);
        var k = PredictionRequest.TopK(request, classifier.ClassNames.Count);
        var (name, image) = await ReadImageAsync(request);
        var prediction = await gate.RunAsync(() => classifier.PredictImage(image, name, k), context.RequestAborted);
        return TypedResults.Json(PredictionJson.Success(prediction), PredictionJson.Options);
    }

    static async Task<(string Name, byte[] Image)> ReadImageAsync(HttpRequest request)
    {
        if (!PredictionRequest.IsMultipart(request)) return ("request body", await PredictionRequest.ReadBodyAsync(request));
        var form = await PredictionRequest.ReadFormAsync(request);
        if (form.Files.Count != 1)
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"multipart request must carry exactly one file, got {form.Files.Count}; use /predict/batch for several.");
        return (form.Files[0].FileName, await PredictionRequest.ReadAsync(form.Files[0], request.HttpContext.RequestAborted));
    }
}
