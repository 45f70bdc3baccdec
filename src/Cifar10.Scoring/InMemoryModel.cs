using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Cifar10.Scoring;

/// <summary>
/// A saved ML.NET image classifier made to score in-memory images: a model whose input is an image
/// path loses its <c>LoadImages</c> step and reads the decoded image in that step's output column
/// instead, so bytes from a request or a CIFAR-10 record are scored without a temporary file, by the
/// same transforms (ML.NET's loader decodes a file exactly as <c>MLImage.CreateFromStream</c> decodes its bytes).
/// </summary>
internal sealed record InMemoryModel(ITransformer Transformer, ClassifierSchema Schema, IReadOnlyList<string> ClassNames, int ImageSize)
{
    /// <summary>
    /// Adapts <paramref name="model"/> (input schema <paramref name="input"/>); its image column is
    /// <paramref name="imageColumnName"/>, else its only image column, else <c>ImagePath</c>. One-line
    /// <see cref="ScoringException"/>s name <paramref name="path"/> when the model is not an image classifier.
    /// </summary>
    public static InMemoryModel From(ITransformer model, DataViewSchema input, string? imageColumnName, string path)
    {
        var image = imageColumnName is not null ? input.GetColumnOrNull(imageColumnName)
            : input.Where(c => c.Type is ImageDataViewType).ToArray() is [var only] ? only
            : input.GetColumnOrNull("ImagePath");
        if (image is not { Type: ImageDataViewType or TextDataViewType } column)
            throw new ScoringException($"{path}: cannot tell which input column holds the image (it has {Describe(input)}); name it.");
        var others = input.Where(c => !c.IsHidden && c.Name != column.Name).ToArray();
        if (others.Length > 1 || others.Any(c => c.Type is not TextDataViewType))
            throw new ScoringException($"{path}: the model reads {Describe(input)}; a classifier feeds only the image and at most one text column.");

        var steps = Flatten(model).ToList();
        var imageColumn = column.Name;
        if (column.Type is TextDataViewType)
        {
            var (loader, loadedColumn) = Loader(steps, input, column.Name)
                ?? throw new ScoringException($"{path}: the model reads paths from {column.Name} but never loads them as images.");
            steps.Remove(loader);
            imageColumn = loadedColumn;
        }
        var schema = ClassifierSchema.ForModel(imageColumn, others.Length == 1 ? others[0].Name : null);
        var chain = new TransformerChain<ITransformer>(steps.ToArray());
        var inMemory = new MLContext().Data.LoadFromEnumerable(Array.Empty<ClassifierInput>(), schema.Input).Schema;
        DataViewSchema output;
        try { output = chain.GetOutputSchema(inMemory); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ScoringException($"{path}: the model's steps after loading the image need more than the image ({e.Message.Split('\n')[0].Trim()}).", e);
        }
        return new InMemoryModel(chain, schema, ClassNamesOf(output, path), ResizedSide(steps, inMemory, path));
    }

    static IEnumerable<ITransformer> Flatten(ITransformer t) => t is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [t];

    // The first LoadImages step and the column it writes the decoded image to.
    static (ITransformer Loader, string Column)? Loader(IEnumerable<ITransformer> steps, DataViewSchema input, string pathColumn)
    {
        var schema = input;
        foreach (var step in steps)
        {
            var next = step.GetOutputSchema(schema);
            if (step is ImageLoadingTransformer && next.FirstOrDefault(c => c.Type is ImageDataViewType && schema.GetColumnOrNull(c.Name) is null) is { Name: not null } loaded)
                return (step, loaded.Name);
            schema = next;
        }
        return null;
    }

    // The side the model's ResizeImages step produces: the first fixed-size image column along the chain.
    static int ResizedSide(IEnumerable<ITransformer> steps, DataViewSchema input, string path)
    {
        var schema = input;
        foreach (var step in steps)
        {
            schema = step.GetOutputSchema(schema);
            if (step is ImageResizingTransformer && schema.Select(c => c.Type).OfType<ImageDataViewType>().FirstOrDefault(t => t.Width > 0) is { } resized)
                return resized.Width;
        }
        throw new ScoringException($"{path}: the model does not resize images; it is not an image classifier.");
    }

    // The key values of PredictedLabel (a hidden column when the pipeline maps it back to text; the last one is the classifier's).
    static IReadOnlyList<string> ClassNamesOf(DataViewSchema output, string path)
    {
        var predicted = output.Where(c => c.Name == ImagePipeline.PredictedLabelColumnName && c.Type is KeyDataViewType).LastOrDefault();
        if (predicted.Name is null || predicted.Annotations.Schema.GetColumnOrNull("KeyValues") is null)
            throw new ScoringException($"{path}: the model has no key-typed {ImagePipeline.PredictedLabelColumnName} column with class names; it is not an image classifier.");
        if (output.GetColumnOrNull(ImagePipeline.ScoreColumnName) is not { Type: VectorDataViewType })
            throw new ScoringException($"{path}: the model has no {ImagePipeline.ScoreColumnName} column.");
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        predicted.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    static string Describe(DataViewSchema schema) => string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
}
