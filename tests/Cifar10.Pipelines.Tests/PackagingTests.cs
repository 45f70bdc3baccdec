using System.IO.Compression;
using Cifar10.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;
using Xunit.Abstractions;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// Packs Cifar10.Core, Cifar10.Scoring, Cifar10.Serving and Cifar10.Pipelines, then publishes and runs the samples against
/// the packed packages, as an outside app would: samples/ClassifyImage (scoring only, Cifar10.Scoring) and
/// samples/TrainOnFolder (Cifar10.Pipelines). Each run packs a fresh pre-release version, so NuGet's cache
/// never serves an older build of the same version.
/// </summary>
[Trait("Category", "Packaging")]
public class PackagingTests(ITestOutputHelper output)
{
    static readonly string[] Projects = ["Cifar10.Core", "Cifar10.Scoring", "Cifar10.Serving", "Cifar10.Pipelines"];
    // What a scoring-only app must not carry: the training stack and the report stack.
    static readonly string[] TrainingOnly = ["TorchSharp", "libtorch", "LibTorchSharp", "ScottPlot", "OxyPlot", "MathNet", "OnnxSharp", "Cifar10.Core", "Cifar10.Pipelines"];

    [RealDataFact]
    public void The_samples_train_and_classify_using_the_packed_packages()
    {
        var root = RepositoryRoot();
        var packages = Path.Combine(root, "artifacts", "packages");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        try
        {
            foreach (var project in Projects)
            {
                var pack = DotnetProcess.Run(["pack", Path.Combine(root, "src", project), "-c", "Release", "-o", packages, $"-p:MinVerVersionOverride={version}"], timeout: TimeSpan.FromMinutes(4));
                Assert.True(pack.ExitCode == 0, pack.ToString());
            }
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Core.{version}.nupkg"), "README.md", "buildTransitive/Cifar10.Core.targets", "lib/net10.0/Cifar10.Core.dll");
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Scoring.{version}.nupkg"), "README.md", "lib/net10.0/Cifar10.Scoring.dll");
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Serving.{version}.nupkg"), "README.md", "lib/net10.0/Cifar10.Serving.dll");
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Pipelines.{version}.nupkg"), "README.md", "lib/net10.0/Cifar10.Pipelines.dll");

            ScoringSampleClassifiesWithBothModelFiles(root, version);
            TrainingSampleTrainsOnAFolder(root, version);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(packages, $"*.{version}.*nupkg")) File.Delete(file);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in Projects.Select(p => p.ToLowerInvariant()))
                if (Directory.Exists(Path.Combine(cache, id, version))) Directory.Delete(Path.Combine(cache, id, version), recursive: true);
        }
    }

    void ScoringSampleClassifiesWithBothModelFiles(string root, string version)
    {
        using var publishFolder = new TempDirectory();
        var published = Publish(Path.Combine(root, "samples", "ClassifyImage"), version, publishFolder.Path);
        var files = Directory.GetFiles(published, "*", SearchOption.AllDirectories);
        output.WriteLine($"ClassifyImage publishes {files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB for linux-x64");
        foreach (var unwanted in TrainingOnly)
            Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith(unwanted, StringComparison.OrdinalIgnoreCase));

        var image = Path.Combine(publishFolder.Path, "test-5.png");
        File.WriteAllBytes(image, ImageFixtures.RecordAsPng(RealCifar.TestRecord(5)));
        foreach (var model in new[] { QuickRun.OnnxPath, QuickRunModelZip.Path })
        {
            var run = DotnetProcess.Run([Path.Combine(published, "ClassifyImage.dll"), model, image]);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var classifier = ImageClassifier.Load(model);
            Assert.StartsWith($"{classifier.PredictFile(image).Label} (", run.Stdout);
        }
    }

    void TrainingSampleTrainsOnAFolder(string root, string version)
    {
        using var publishFolder = new TempDirectory();
        var published = Publish(Path.Combine(root, "samples", "TrainOnFolder"), version, publishFolder.File("app"));
        // The libtorch fix must reach an app that references only Cifar10.Pipelines.
        Assert.Contains("Cifar10.Core.targets", File.ReadAllText(Path.Combine(root, "samples", "TrainOnFolder", "obj", "TrainOnFolder.csproj.nuget.g.targets")));

        var data = publishFolder.File("data");
        var train = CifarFolders.Write(Path.Combine(data, "train"), RealCifar.Train1, [1, 7, 8], perClass: 200);
        var test = CifarFolders.Write(Path.Combine(data, "test"), RealCifar.Test, [1, 7, 8], perClass: 50);
        var zip = Path.Combine(data, "model.zip");
        var image = Directory.GetFiles(Path.Combine(test, "ship"), "*.png")[0];
        var run = DotnetProcess.Run([Path.Combine(published, "TrainOnFolder.dll"), train, test, zip, image, "2"], timeout: TimeSpan.FromMinutes(5));
        output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"test accuracy \d+", run.Stdout);
        using var classifier = ImageClassifier.Load(zip);
        Assert.Equal(["automobile", "horse", "ship"], classifier.ClassNames);
        Assert.Contains($"{image}: {classifier.PredictFile(image).Label}", run.Stdout);
    }

    static string Publish(string sample, string version, string output)
    {
        var publish = DotnetProcess.Run(["publish", sample, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", output, $"-p:Cifar10Version={version}"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, publish.ToString());
        return output;
    }

    static void AssertPackageLayout(string nupkg, params string[] entries)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        foreach (var entry in entries) Assert.Contains(zip.Entries, e => e.FullName == entry);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec"));
        using var reader = new StreamReader(nuspec.Open());
        var text = reader.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.Contains("<readme>README.md</readme>", text);
        Assert.Contains("<description>", text);
        Assert.Contains("<projectUrl>https://", text);
        Assert.Matches("<repository type=\"git\" url=\"https://[^\"]+\"", text);
        // Symbols ship beside the package, with the portable PDB of every library.
        var symbols = Path.ChangeExtension(nupkg, ".snupkg");
        Assert.True(File.Exists(symbols), $"{symbols} is missing");
        using var symbolZip = ZipFile.OpenRead(symbols);
        foreach (var dll in zip.Entries.Where(e => e.FullName.StartsWith("lib/") && e.FullName.EndsWith(".dll")))
            Assert.Contains(symbolZip.Entries, e => e.FullName == Path.ChangeExtension(dll.FullName, ".pdb"));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Cifar10.sln"))) return directory.FullName;
        throw new InvalidOperationException("Cifar10.sln not found above the test folder");
    }
}
