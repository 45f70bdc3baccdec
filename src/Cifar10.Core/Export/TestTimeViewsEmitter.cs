using Cifar10.Core.Training;

namespace Cifar10.Core.Export;

/// <summary>
/// Test-time augmentation in the ONNX graph, the same views and weights as
/// <see cref="TestTimeAugmentation.Probabilities"/>: the scaled batch and its mirror image, and
/// copies shifted up-left and down-right with reflect padding (each with its mirror), stacked along
/// the batch axis so the network runs once; the softmax of each view is then weighted and summed.
/// </summary>
internal static class TestTimeViewsEmitter
{
    /// <summary>Stacks the views of <paramref name="input"/> [N,C,H,W] into [V·N,C,H,W]; returns it and each view's weight.</summary>
    public static (string Views, float[] Weights) Stack(OnnxGraphBuilder graph, string input, TestTimeAugmentation views, int height, int width)
    {
        var names = new List<string>();
        var weights = new List<float>();
        void AddWithMirror(string view, float weight)
        {
            names.Add(view);
            if (!views.Flip)
            {
                weights.Add(weight);
                return;
            }
            names.Add(Mirror(graph, view));
            weights.AddRange([weight / 2, weight / 2]);
        }

        var shift = views.Translate;
        AddWithMirror(input, shift > 0 ? 0.5f : 1f);
        if (shift > 0)
        {
            var pads = graph.AddInt64Initializer("tta/pads", 0, 0, shift, shift, 0, 0, shift, shift);
            var padded = graph.AddNode("Pad", "tta/padded", [input, pads], OnnxGraphBuilder.String("mode", "reflect"));
            AddWithMirror(Crop(graph, padded, "tta/up_left", 0, height, width), 0.25f);
            AddWithMirror(Crop(graph, padded, "tta/down_right", 2 * shift, height, width), 0.25f);
        }
        return (graph.AddNode("Concat", "tta/views", names, OnnxGraphBuilder.Int("axis", 0)), [.. weights]);
    }

    /// <summary>[V·N,K] probabilities → Σ weightᵥ · probabilitiesᵥ, [N,K], named <paramref name="output"/>.</summary>
    public static string Average(OnnxGraphBuilder graph, string probabilities, float[] weights, int classes, string output)
    {
        var shape = graph.AddInt64Initializer("tta/view_shape", weights.Length, -1, classes);
        var byView = graph.AddNode("Reshape", "tta/by_view", [probabilities, shape]);
        var factors = graph.AddInitializer("tta/weights", weights, weights.Length, 1, 1);
        var weighted = graph.AddNode("Mul", "tta/weighted", [byView, factors]);
        var axis = graph.AddInt64Initializer("tta/view_axis", 0);
        return graph.AddNode("ReduceSum", output, [weighted, axis], OnnxGraphBuilder.Int("keepdims", 0));
    }

    static string Mirror(OnnxGraphBuilder graph, string view)
    {
        var name = $"{view}/mirror";
        var starts = graph.AddInt64Initializer($"{name}/starts", -1);
        var ends = graph.AddInt64Initializer($"{name}/ends", long.MinValue); // through the first column, backwards
        var axes = graph.AddInt64Initializer($"{name}/axes", 3);
        var steps = graph.AddInt64Initializer($"{name}/steps", -1);
        return graph.AddNode("Slice", name, [view, starts, ends, axes, steps]);
    }

    static string Crop(OnnxGraphBuilder graph, string padded, string name, int offset, int height, int width)
    {
        var starts = graph.AddInt64Initializer($"{name}/starts", offset, offset);
        var ends = graph.AddInt64Initializer($"{name}/ends", offset + height, offset + width);
        var axes = graph.AddInt64Initializer($"{name}/axes", 2, 3);
        return graph.AddNode("Slice", name, [padded, starts, ends, axes]);
    }
}
