using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace Cifar10.Core.Export;

/// <summary>Accumulates nodes and initializers of one ONNX graph; emitters talk to it, not to protobuf.</summary>
internal sealed class OnnxGraphBuilder
{
    readonly HashSet<string> _names = [];

    /// <summary>Starts an empty graph.</summary>
    public OnnxGraphBuilder() : this(new GraphProto()) { }

    /// <summary>Continues <paramref name="graph"/>, whose names are taken already.</summary>
    public OnnxGraphBuilder(GraphProto graph)
    {
        Graph = graph;
        foreach (var node in graph.Node) _names.Add(node.Name);
        foreach (var initializer in graph.Initializer) _names.Add(initializer.Name);
    }

    /// <summary>The graph being written.</summary>
    public GraphProto Graph { get; }

    /// <summary>Adds a float constant from managed values.</summary>
    public string AddInitializer(string name, float[] values, params long[] dims)
    {
        Claim(name);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(bytes) };
        proto.Dims.AddRange(dims);
        Graph.Initializer.Add(proto);
        return name;
    }

    /// <summary>Adds an int64 constant (shapes, axes).</summary>
    public string AddInt64Initializer(string name, params long[] values)
    {
        Claim(name);
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Int64Data.AddRange(values);
        proto.Dims.Add(values.Length);
        Graph.Initializer.Add(proto);
        return name;
    }

    /// <summary>Adds a float constant copied from a TorchSharp tensor (any device, any float type).</summary>
    public string AddInitializer(string name, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return AddInitializer(name, cpu.data<float>().ToArray(), cpu.shape);
    }

    /// <summary>Adds a node whose single output is named after the node; returns that name.</summary>
    public string AddNode(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        Claim(name);
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(name);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return name;
    }

    /// <summary>An integer-list attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A string attribute.</summary>
    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>Declares a float tensor graph input or output with a leading dynamic batch dimension.</summary>
    public static ValueInfoProto FloatTensor(string name, IEnumerable<int> exampleDims) =>
        Tensor(name, TensorProto.Types.DataType.Float, [OnnxContract.BatchDimension, .. exampleDims.Select(d => (object)d)]);

    /// <summary>Declares a graph input or output of <paramref name="type"/> with the given dimensions (a string is a symbolic one).</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, IEnumerable<object> dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d is string symbol ? new TensorShapeProto.Types.Dimension { DimParam = symbol } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    // Duplicate names make an invalid graph that ONNX Runtime rejects with an obscure message; fail here instead.
    void Claim(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"ONNX name '{name}' is used twice");
    }
}
