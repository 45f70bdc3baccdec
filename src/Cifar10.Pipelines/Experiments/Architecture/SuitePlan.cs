namespace Cifar10.Pipelines.Experiments.Architecture;

/// <summary>The cells the chosen parts need, each once, the reference (<c>cnn-3x3</c>) first.</summary>
public static class SuitePlan
{
    /// <summary>The dense baseline's id.</summary>
    public const string Dense = "dense";

    /// <summary>The models each part compares with the reference, on the base training set.</summary>
    public static IReadOnlyList<string> ModelsOf(SuitePart part) => part switch
    {
        SuitePart.Kernels or SuitePart.Collapse => ["cnn-1x1", "cnn-5x5", "cnn-7x7"],
        SuitePart.Stacking => ["cnn-3x3-2conv", "cnn-5x5"],
        SuitePart.Depth => ["cnn-3x3-2blocks", "cnn-3x3-4blocks"],
        SuitePart.Downsampling => ["cnn-3x3-strided"],
        SuitePart.Padding => ["cnn-3x3-valid"],
        SuitePart.Locality or SuitePart.Translation => [Dense],
        SuitePart.SampleEfficiency => [Dense],
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>Every cell the options' parts need, in the order they train.</summary>
    public static IReadOnlyList<SuiteCell> Cells(ArchitectureSuiteOptions options)
    {
        var size = options.TrainImages;
        var cells = new List<SuiteCell> { new(SuiteCell.ReferenceModel, size) };
        void Add(SuiteCell cell)
        {
            if (!cells.Contains(cell)) cells.Add(cell);
        }
        foreach (var part in options.Parts)
        {
            foreach (var model in ModelsOf(part)) Add(new SuiteCell(model, size));
            if (part == SuitePart.Locality)
            {
                Add(new SuiteCell(Dense, size, Permuted: true));
                Add(new SuiteCell(SuiteCell.ReferenceModel, size, Permuted: true));
            }
            if (part == SuitePart.SampleEfficiency)
                foreach (var images in options.SampleSizes.Order())
                {
                    Add(new SuiteCell(Dense, images));
                    Add(new SuiteCell(SuiteCell.ReferenceModel, images));
                }
        }
        return cells;
    }

    /// <summary>Whether a cell's trained models are also scored on shifted test images.</summary>
    public static bool MeasuresShifts(SuiteCell cell, ArchitectureSuiteOptions options) =>
        options.Parts.Contains(SuitePart.Translation) && !cell.Permuted && cell.TrainImages == options.TrainImages
        && (cell.Model == Dense || cell.Model == SuiteCell.ReferenceModel);
}
