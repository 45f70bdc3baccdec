using Cifar10.Core.Data;
using Cifar10.Core.Models;
using Cifar10.Core.Training;

namespace Cifar10.Pipelines.Trainers;

/// <summary>How a <see cref="ConvNetTrainer"/>'s last <c>Fit</c> went.</summary>
/// <param name="Definition">The network trained.</param>
/// <param name="Recipe">The recipe it trained with (options applied).</param>
/// <param name="History">Per-epoch history.</param>
/// <param name="Precision">The training passes' arithmetic on this device.</param>
/// <param name="Scaling">The input scaling fitted on the training images (inside the exported graph).</param>
/// <param name="ClassNames">Class names in the label key's order.</param>
/// <param name="TrainImages">Images trained on.</param>
/// <param name="ValidationImages">Images validated on after each epoch.</param>
/// <param name="SkippedImages">Images left out because they could not be read (with <c>SkipUnreadableImages</c>) or had no label.</param>
/// <param name="RecalibratedBatchNormLayers">BatchNorm layers whose statistics were recomputed over the training images before each validation pass and after the last epoch (0: none).</param>
public sealed record ConvNetFit(ModelDefinition Definition, TrainingRecipe Recipe, TrainingHistory History, TrainingPrecision Precision, InputScaling Scaling,
    IReadOnlyList<string> ClassNames, int TrainImages, int ValidationImages, int SkippedImages, int RecalibratedBatchNormLayers);
