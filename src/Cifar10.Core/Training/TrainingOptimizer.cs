using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// An optimizer and its learning rate. Parameter groups may train at a multiple of the base rate
/// (the fast recipe's BatchNorm shifts at 64×); setting <see cref="LearningRate"/> keeps those ratios,
/// so schedules only ever deal with one number.
/// </summary>
public sealed class TrainingOptimizer : IDisposable
{
    readonly double[] _groupScales;
    double _learningRate;

    /// <summary>Wraps <paramref name="optimizer"/>, whose groups train at <paramref name="groupScales"/> × the base rate (default: all 1).</summary>
    public TrainingOptimizer(optim.Optimizer optimizer, double learningRate, IReadOnlyList<double>? groupScales = null)
    {
        Optimizer = optimizer;
        _groupScales = groupScales?.ToArray() ?? [1];
        _learningRate = learningRate;
    }

    /// <summary>The TorchSharp optimizer.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>The base learning rate; each parameter group gets it times its scale.</summary>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            _learningRate = value;
            int i = 0;
            foreach (var group in Optimizer.ParamGroups)
                group.LearningRate = value * _groupScales[Math.Min(i++, _groupScales.Length - 1)];
        }
    }

    /// <inheritdoc />
    public void Dispose() => Optimizer.Dispose();
}
