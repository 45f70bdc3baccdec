using System.IO.Compression;
using Cifar10.Pipelines.Scoring;
using Cifar10.Tests.Shared;
using Cifar10.Tests.Shared.Images;

namespace Cifar10.Pipelines.Tests;

/// <summary>
/// Packs Cifar10.Core and Cifar10.Pipelines, then builds and runs samples/ClassifyImage against
/// the packed packages, as an outside app would. Each run packs a fresh pre-release version, so
/// NuGet's cache never serves an older build of the same version.
/// </summary>
[Trait("Category", "Packaging")]
public class PackagingTests
{
    [RealDataFact]
    public void The_sample_app_classifies_an_image_using_the_packed_packages()
    {
        var root = RepositoryRoot();
        var packages = Path.Combine(root, "artifacts", "packages");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        try
        {
            foreach (var project in new[] { "Cifar10.Core", "Cifar10.Pipelines" })
            {
                var pack = DotnetProcess.Run(["pack", Path.Combine(root, "src", project), "-c", "Release", "-o", packages, $"-p:PackageVersion={version}"], timeout: TimeSpan.FromMinutes(4));
                Assert.True(pack.ExitCode == 0, pack.ToString());
            }
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Core.{version}.nupkg"), "README.md", "buildTransitive/Cifar10.Core.targets", "lib/net10.0/Cifar10.Core.dll");
            AssertPackageLayout(Path.Combine(packages, $"Cifar10.Pipelines.{version}.nupkg"), "README.md", "lib/net10.0/Cifar10.Pipelines.dll");

            var sample = Path.Combine(root, "samples", "ClassifyImage");
            var build = DotnetProcess.Run(["build", sample, "-c", "Release", $"-p:Cifar10Version={version}"], timeout: TimeSpan.FromMinutes(4));
            Assert.True(build.ExitCode == 0, build.ToString());
            // The libtorch fix must reach an app that references only Cifar10.Pipelines.
            Assert.Contains("Cifar10.Core.targets", File.ReadAllText(Path.Combine(sample, "obj", "ClassifyImage.csproj.nuget.g.targets")));

            var image = Path.Combine(Directory.CreateTempSubdirectory("sample-image-").FullName, "test-5.png");
            File.WriteAllBytes(image, ImageFixtures.RecordAsPng(RealCifar.TestRecord(5)));
            var run = DotnetProcess.Run([Path.Combine(sample, "bin", "Release", "net10.0", "ClassifyImage.dll"), QuickRun.OnnxPath, image]);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var classifier = CifarClassifier.Load(QuickRun.OnnxPath);
            Assert.StartsWith($"{classifier.PredictFile(image).Label} (", run.Stdout);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(packages, $"*.{version}.nupkg")) File.Delete(file);
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "cifar10.core", "cifar10.pipelines" })
                if (Directory.Exists(Path.Combine(cache, id, version))) Directory.Delete(Path.Combine(cache, id, version), recursive: true);
        }
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
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Cifar10.sln"))) return directory.FullName;
        throw new InvalidOperationException("Cifar10.sln not found above the test folder");
    }
}
