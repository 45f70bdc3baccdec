using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cifar10.Core.Training;

/// <summary>
/// Builds the optimizer of a run over the parameters that train (a frozen BatchNorm scale is
/// left out). Under SGD the BatchNorm shifts form a group of their own with a scaled learning
/// rate (<see cref="TrainingOptions.NormBiasLearningRateScale"/>); <see cref="SetLearningRate"/>
/// keeps that ratio whenever the schedule moves the rate.
/// </summary>
public sealed class OptimizerFactory(TrainingOptions options)
{
    readonly List<double> _groupScales = [];

    /// <summary>Creates the optimizer for <paramref name="model"/>.</summary>
    public optim.Optimizer Create(nn.Module model)
    {
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        _groupScales.Clear();
        if (options.Optimizer != OptimizerKind.SgdNesterov)
        {
            _groupScales.Add(1);
            return optim.Adam(trainable, options.LearningRate);
        }
        var shiftHandles = NormShifts(model).Select(p => p.Handle).ToHashSet();
        var shifts = trainable.Where(p => shiftHandles.Contains(p.Handle)).ToList();
        var scale = options.NormBiasLearningRateScale;
        var groups = new List<SGD.ParamGroup>();
        if (shifts.Count == 0 || scale == 1)
            AddGroup(groups, trainable, 1);
        else
        {
            AddGroup(groups, trainable.Where(p => !shiftHandles.Contains(p.Handle)), 1);
            AddGroup(groups, shifts, scale);
        }
        return optim.SGD(groups, options.LearningRate, options.Momentum, weight_decay: options.WeightDecay, nesterov: true);
    }

    /// <summary>Sets the base learning rate; each group gets it times its scale.</summary>
    public void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        int i = 0;
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = learningRate * _groupScales[Math.Min(i++, _groupScales.Count - 1)];
    }

    // Weight decay is divided by the scale so that lr × decay, the shrink per step, is the same for every group.
    void AddGroup(List<SGD.ParamGroup> groups, IEnumerable<Parameter> parameters, double scale)
    {
        groups.Add(new(parameters, lr: options.LearningRate * scale, momentum: options.Momentum, weight_decay: options.WeightDecay / scale, nesterov: true));
        _groupScales.Add(scale);
    }

    static IEnumerable<Parameter> NormShifts(nn.Module model) =>
        model.modules().SelectMany(m => m switch
        {
            BatchNorm2d norm when norm.bias is { } bias => [bias],
            BatchNorm1d norm when norm.bias is { } bias => [bias],
            _ => Array.Empty<Parameter>(),
        });
}
