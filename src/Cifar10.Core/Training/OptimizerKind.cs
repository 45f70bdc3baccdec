namespace Cifar10.Core.Training;

/// <summary>The optimizer a run uses.</summary>
public enum OptimizerKind
{
    /// <summary>Adam, as the study.</summary>
    Adam,
    /// <summary>SGD with Nesterov momentum and decoupled-from-nothing (plain L2) weight decay.</summary>
    SgdNesterov,
}
