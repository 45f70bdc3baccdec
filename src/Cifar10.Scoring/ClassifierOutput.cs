namespace Cifar10.Scoring;

/// <summary>The scores of one image, in class order.</summary>
internal sealed class ClassifierOutput
{
    public float[] Score { get; set; } = [];
}
