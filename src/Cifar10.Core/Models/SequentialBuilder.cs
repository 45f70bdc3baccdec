namespace Cifar10.Core.Models;

/// <summary>
/// Keras-style sequential builder: add layers in order, shapes are inferred as you go.
/// <code>
/// var model = SequentialBuilder.Input(3, 32, 32)
///     .Conv2D(32, 3).BatchNorm().MaxPool()
///     .Flatten().Dense(128).Dropout(0.5).Dense(10, Activation.None)
///     .Build("my-cnn", "a small CNN");
/// </code>
/// </summary>
public sealed class SequentialBuilder
{
    readonly Shape _input;
    readonly List<LayerSpec> _layers = [];

    SequentialBuilder(Shape input) => _input = input;

    /// <summary>Starts a model taking examples of the given shape, e.g. (3, 32, 32).</summary>
    public static SequentialBuilder Input(params int[] dims) => new(new Shape(dims));

    /// <summary>Adds any layer spec.</summary>
    public SequentialBuilder Add(LayerSpec layer) { _layers.Add(layer); return this; }
    /// <summary>k×k convolution ('same' padding and stride 1 unless given).</summary>
    public SequentialBuilder Conv2D(int filters, int kernel, Activation activation = Activation.Relu, bool useBias = true, bool identityInit = false,
        int stride = 1, Padding padding = Padding.Same) =>
        Add(new Conv2DSpec(filters, kernel, activation, useBias, identityInit, stride, padding));
    /// <summary>A frozen patch-whitening convolution, fitted on training images before training (the first layer only; see <see cref="PatchWhiteningSpec"/>).</summary>
    public SequentialBuilder PatchWhitening(int kernel = 2, double epsilon = 5e-4) => Add(new PatchWhiteningSpec(kernel, epsilon));
    /// <summary>Batch normalisation (Keras' defaults unless given).</summary>
    public SequentialBuilder BatchNorm(double epsilon = 1e-3, double momentum = 0.01, bool trainScale = true) => Add(new BatchNormSpec(epsilon, momentum, trainScale));
    /// <summary>A standalone activation.</summary>
    public SequentialBuilder Activate(Activation activation) => Add(new ActivationSpec(activation));
    /// <summary>Multiply by a constant.</summary>
    public SequentialBuilder Scale(float factor) => Add(new ScaleSpec(factor));
    /// <summary>Max pooling.</summary>
    public SequentialBuilder MaxPool(int size = 2) => Add(new MaxPoolSpec(size));
    /// <summary>Flatten to a vector.</summary>
    public SequentialBuilder Flatten() => Add(new FlattenSpec());
    /// <summary>Fully connected layer.</summary>
    public SequentialBuilder Dense(int units, Activation activation = Activation.Relu, bool useBias = true) => Add(new DenseSpec(units, activation, useBias));
    /// <summary>Dropout.</summary>
    public SequentialBuilder Dropout(double rate) => Add(new DropoutSpec(rate));

    /// <summary>Resolves shapes and names (Keras-style: <c>conv2d_1</c>, <c>dense_2</c>…).</summary>
    public ModelDefinition Build(string id, string description)
    {
        if (_layers.Count == 0) throw new InvalidOperationException("a model needs at least one layer");
        if (_layers.Skip(1).Any(l => l is PatchWhiteningSpec))
            throw new ArgumentException("PatchWhitening is fitted on the model's input images, so it can only be the first layer");
        var counters = new Dictionary<string, int>();
        var resolved = new List<ResolvedLayer>();
        var shape = _input;
        foreach (var layer in _layers)
        {
            var kind = layer.Kind.ToLowerInvariant();
            counters[kind] = counters.GetValueOrDefault(kind) + 1;
            var output = layer.OutputShape(shape);
            resolved.Add(new ResolvedLayer($"{kind}_{counters[kind]}", layer, shape, output));
            shape = output;
        }
        return new ModelDefinition(id, description, _input, resolved);
    }
}
