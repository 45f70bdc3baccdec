using Cifar10.Core;
using Cifar10.Core.Models;
using Cifar10.Core.Runtime;
using Cifar10.Core.Training;
using Microsoft.ML;

namespace Cifar10.Pipelines.Trainers;

public sealed partial class ConvNetTrainer
{
    /// <summary>What to train, on which columns, and how.</summary>
    public sealed class Options
    {
        /// <summary>The label column; a key type (after <c>MapValueToKey</c>), at least two classes.</summary>
        public string LabelColumnName { get; set; } = "Label";
        /// <summary>The image column: a file path (text) or an in-memory <c>MLImage</c>.</summary>
        public string ImageColumnName { get; set; } = "ImagePath";
        /// <summary>A model-zoo id: <c>cnn-3x3</c> (default), any odd <c>cnn-KxK</c>, <c>dense</c>, <c>fast</c>, <c>fast-half</c>, <c>fast-whitened</c>; ignored when <see cref="Definition"/> is set.</summary>
        public string Architecture { get; set; } = "cnn-3x3";
        /// <summary>A network built with <see cref="SequentialBuilder"/>: input (3, <see cref="ImageSize"/>, <see cref="ImageSize"/>), output one value per class.</summary>
        public ModelDefinition? Definition { get; set; }
        /// <summary>The recipe (default: the architecture's own — the study's Keras protocol for the study's networks, the fast recipe for <c>fast</c>).</summary>
        public TrainingRecipe? Recipe { get; set; }
        /// <summary>Epochs, instead of the recipe's.</summary>
        public int? Epochs { get; set; }
        /// <summary>Images per step, instead of the recipe's; at most the training images. Left unset, the recipe's batch shrinks to the training images when there are fewer.</summary>
        public int? BatchSize { get; set; }
        /// <summary>Side in pixels the images are resized to (stretched), before the network (default 32, CIFAR-10's).</summary>
        public int ImageSize { get; set; } = ModelZoo.CifarImageSize;
        /// <summary>Share of each class held out for validation, instead of the recipe's; ignored with <see cref="ValidationData"/>.</summary>
        public double? ValidationFraction { get; set; }
        /// <summary>Images to validate on after each epoch, instead of a share of the training data (same columns).</summary>
        public IDataView? ValidationData { get; set; }
        /// <summary>Drives the validation split, initialisation, shuffling, augmentation and dropout.</summary>
        public int Seed { get; set; } = 42;
        /// <summary>Where the network trains.</summary>
        public ComputeDevice Device { get; set; } = ComputeDevice.Auto;
        /// <summary>
        /// Recompute the BatchNorm statistics over the training images before each validation pass and after the last epoch (default on).
        /// Keras' BatchNorm momentum (0.99) needs thousands of steps before inference-mode accuracy means
        /// anything; on a few thousand images this is what makes the model (and its validation accuracy) useful. Off reproduces Keras.
        /// </summary>
        public bool RecalibrateBatchNorm { get; set; } = true;
        /// <summary>Skip images that cannot be read (counted in <see cref="ConvNetFit.SkippedImages"/>) instead of stopping.</summary>
        public bool SkipUnreadableImages { get; set; }
        /// <summary>Receives the reading and training progress.</summary>
        public IProgress<ConvNetProgress>? Progress { get; set; }
        /// <summary>More training callbacks, after the recipe's own.</summary>
        public IReadOnlyList<ITrainingCallback> Callbacks { get; set; } = [];
        /// <summary>A folder to write the run into (weights, card, <c>model.onnx</c>, history, checkpoint after every epoch); null: none.</summary>
        public string? RunDirectory { get; set; }
        /// <summary>Continue from <see cref="RunDirectory"/>'s checkpoint when it has one.</summary>
        public bool Resume { get; set; }
        /// <summary>Stops training between batches.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Throws an <see cref="InvalidSettingException"/> naming the first bad setting; returns the options.</summary>
        public Options Validate()
        {
            if (string.IsNullOrWhiteSpace(LabelColumnName)) throw new InvalidSettingException(nameof(LabelColumnName), LabelColumnName, "must name a column.");
            if (string.IsNullOrWhiteSpace(ImageColumnName)) throw new InvalidSettingException(nameof(ImageColumnName), ImageColumnName, "must name a column.");
            if (Epochs is int epochs) InvalidSettingException.RequirePositive(nameof(Epochs), epochs);
            if (BatchSize is int batch) InvalidSettingException.RequirePositive(nameof(BatchSize), batch);
            if (ImageSize < 8) throw new InvalidSettingException(nameof(ImageSize), ImageSize, "must be at least 8 pixels.");
            if (ValidationFraction is double fraction) InvalidSettingException.RequireInRange(nameof(ValidationFraction), fraction, 0, 1, lowInclusive: false, highInclusive: false);
            if (Resume && RunDirectory is null) throw new InvalidSettingException(nameof(Resume), true, "needs a RunDirectory to resume from.");
            if (Definition is null) ModelZoo.DefaultRecipe(Architecture); // an unknown id fails here, before any work
            return this;
        }
    }
}
