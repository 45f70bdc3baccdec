using Cifar10.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cifar10.Serving;

/// <summary>
/// <c>POST /predict/batch</c>: every file of a multipart form, answered in order; a bad file gets an error
/// entry in its place. The whole batch's decode size is added up from the headers first and refused
/// (413) above <see cref="CifarClassifierOptions.MaxBatchPixels"/>, before any pixel is decoded.
/// </summary>
internal static class BatchEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CifarClassifierModel model, ScoringGate gate, IOptions<CifarClassifierOptions> options)
    {
        var (request, limits) = (context.Request, options.Value);
        var classifier = PredictionRequest.ReadyClassifier(model, limits);
        PredictionRequest.LimitBody(context, limits.MaxRequestBytes);
        var k = PredictionRequest.TopK(request, classifier.ClassNames.Count);
        if (!PredictionRequest.IsMultipart(request))
            throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "send the images as multipart/form-data, one part per file.");
        var form = await PredictionRequest.ReadFormAsync(request);
        if (form.Files.Count == 0) throw new RequestProblem(StatusCodes.Status400BadRequest, "the request has no files.");
        if (form.Files.Count > limits.MaxBatchFiles)
            throw new RequestProblem(StatusCodes.Status400BadRequest, $"at most {limits.MaxBatchFiles} files per request, got {form.Files.Count}.");

        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var file in form.Files) files.Add((file.FileName, await PredictionRequest.ReadAsync(file, context.RequestAborted)));
        RequireDecodeBudget(files, limits.MaxBatchPixels);

        var results = await gate.RunAsync(() => files.Select(f => Score(classifier, f.Name, f.Bytes, k)).ToArray(), context.RequestAborted);
        return TypedResults.Json(results, PredictionJson.Options);
    }

    // Files whose header is bad are left out of the sum: they fail on their own, in place.
    static void RequireDecodeBudget(IEnumerable<(string Name, byte[] Bytes)> files, long maxPixels)
    {
        long total = 0;
        foreach (var (name, bytes) in files)
        {
            try { total += ImageCheck.Header(bytes, name).DecodedPixels; }
            catch (ImageDecodeException) { }
        }
        if (total > maxPixels)
            throw new RequestProblem(StatusCodes.Status413PayloadTooLarge,
                $"the batch's images decode to {total / 1e6:N1} MP together, more than the {maxPixels / 1e6:N1} MP limit per request; send fewer or smaller images.");
    }

    static PredictionJson Score(ImageClassifier classifier, string name, byte[] bytes, int k)
    {
        try { return PredictionJson.Success(classifier.PredictImage(bytes, name, k), name); }
        catch (ImageDecodeException e) { return PredictionJson.Failure(name, e.Message); }
    }
}
