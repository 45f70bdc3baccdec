using Cifar10.Core.Data;
using Cifar10.Core.Export;
using Cifar10.Core.Models;
using Cifar10.Tests.Shared;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Cifar10.Core.Tests;

/// <summary>The shape of the exported graph: the contract apps rely on.</summary>
public class OnnxExporterTests
{
    [Fact]
    public void Graph_keeps_the_contract_opset_17_raw_image_in_probabilities_out_dynamic_batch()
    {
        using var module = ModelZoo.Cnn(3).CreateModule();
        var model = OnnxExporter.Build(ModelZoo.Cnn(3), module, InputScaling.Unit);

        Assert.Equal(17, model.OpsetImport.Single(o => o.Domain == "").Version);
        var input = model.Graph.Input.Single();
        Assert.Equal("image", input.Name);
        Assert.Equal("N", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(new long[] { 3, 32, 32 }, input.Type.TensorType.Shape.Dim.Skip(1).Select(d => d.DimValue));
        var output = model.Graph.Output.Single();
        Assert.Equal("probabilities", output.Name);
        Assert.Equal(10, output.Type.TensorType.Shape.Dim[1].DimValue);
        Assert.Equal("Softmax", model.Graph.Node[^1].OpType);
        Assert.Equal(["Mul", "Add"], model.Graph.Node.Take(2).Select(n => n.OpType));
    }

    [Fact]
    public void Dropout_vanishes_and_every_weight_becomes_an_initializer()
    {
        var definition = ModelZoo.Dense();
        using var module = definition.CreateModule();
        var model = OnnxExporter.Build(definition, module, InputScaling.Unit);

        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Dropout");
        Assert.Equal(["Mul", "Add", "Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax"], model.Graph.Node.Select(n => n.OpType));
        var exported = model.Graph.Initializer.Where(i => !i.Name.StartsWith("scaling/")).Sum(i => i.Dims.Aggregate(1L, (a, d) => a * d));
        Assert.Equal(definition.TotalParameters, exported);
    }

    [Fact]
    public void Batchnorm_statistics_and_epsilon_are_exported()
    {
        var definition = ModelZoo.Cnn(5);
        using var module = definition.CreateModule();
        var model = OnnxExporter.Build(definition, module, InputScaling.Unit);

        var batchNorms = model.Graph.Node.Where(n => n.OpType == "BatchNormalization").ToList();
        Assert.Equal(3, batchNorms.Count);
        Assert.All(batchNorms, n => Assert.Equal(1e-3f, n.Attribute.Single(a => a.Name == "epsilon").F));
        Assert.Contains(model.Graph.Initializer, i => i.Name == "batchnormalization_2.running_var");
        Assert.Equal(definition.TotalParameters, model.Graph.Initializer.Where(i => !i.Name.StartsWith("scaling/")).Sum(i => i.Dims.Aggregate(1L, (a, d) => a * d)));
    }

    [Fact]
    public void A_layer_kind_without_an_emitter_is_a_one_line_error_naming_it()
    {
        var definition = SequentialBuilder.Input(3, 32, 32).Add(new IdentityTestSpec()).Flatten().Dense(10, Activation.None).Build("odd", "odd layer");
        using var module = definition.CreateModule();
        var error = Assert.Throws<CifarException>(() => OnnxExporter.Build(definition, module, InputScaling.Unit));
        Assert.Contains("identitytest_1 (IdentityTest)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Write_is_atomic_a_failed_validation_leaves_the_old_file_alone()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.onnx");
        File.WriteAllText(path, "previous");
        using var module = ModelZoo.Dense().CreateModule();
        var model = OnnxExporter.Build(ModelZoo.Dense(), module, InputScaling.Unit);

        Assert.Throws<CifarException>(() => OnnxExporter.Write(model, path, _ => throw new CifarException("rejected")));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));

        OnnxExporter.Write(model, path);
        Assert.Equal(model, ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));
    }

    sealed record IdentityTestSpec : LayerSpec
    {
        public override string Kind => "IdentityTest";
        public override Shape OutputShape(Shape input) => input;
        public override nn.Module<Tensor, Tensor> CreateModule(Shape input) => nn.Identity();
    }
}
