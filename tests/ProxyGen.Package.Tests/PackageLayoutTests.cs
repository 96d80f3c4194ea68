using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace ProxyGen.Package.Tests;

/// <summary>What is inside the .nupkg files: the usual ways an analyzer package is broken, checked before anyone installs it.</summary>
[Collection(PackagesCollection.Name)]
public class PackageLayoutTests(PackagesFixture packages)
{
    [Fact]
    public void The_generator_package_has_the_generator_and_its_three_dependencies_in_the_analyzer_slot_and_no_lib()
    {
        using var zip = ZipFile.OpenRead(packages.GeneratorPackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(
            ["analyzers/dotnet/cs/Microsoft.OpenApi.Readers.dll", "analyzers/dotnet/cs/Microsoft.OpenApi.dll", "analyzers/dotnet/cs/ProxyGen.Generator.dll", "analyzers/dotnet/cs/SharpYaml.dll"],
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/ProxyGen.Generator.props", entries);
        Assert.Contains("buildTransitive/ProxyGen.Generator.targets", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void The_buildTransitive_props_make_every_item_metadata_visible_to_the_compiler()
    {
        using var zip = ZipFile.OpenRead(packages.GeneratorPackage);
        using var stream = zip.GetEntry("buildTransitive/ProxyGen.Generator.props")!.Open();
        var props = XDocument.Load(stream);

        var visible = props.Descendants("CompilerVisibleItemMetadata")
            .Where(e => (string?)e.Attribute("Include") == "AdditionalFiles")
            .Select(e => (string?)e.Attribute("MetadataName"))
            .ToList();
        Assert.Contains("ProxyGenNamespace", visible);
        Assert.Contains("ProxyGenClientName", visible);
        Assert.Contains("ProxyGenVisibility", visible);
        Assert.Contains("ProxyGen", visible);
        Assert.Contains(props.Descendants("CompilerVisibleProperty"), e => (string?)e.Attribute("Include") == "RootNamespace");
    }

    [Fact]
    public void The_generator_package_depends_on_the_runtime_package_of_the_same_version()
    {
        var nuspec = Nuspec(packages.GeneratorPackage);
        var ns = nuspec.Root!.GetDefaultNamespace();

        var dependency = Assert.Single(nuspec.Descendants(ns + "dependency"));
        Assert.Equal("ProxyGen.Runtime", (string?)dependency.Attribute("id"));
        Assert.Equal($"[{packages.Version}]", (string?)dependency.Attribute("version"));
        Assert.Equal("MIT", nuspec.Descendants(ns + "license").Single().Value);
        Assert.Equal("README.md", nuspec.Descendants(ns + "readme").Single().Value);
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Descendants(ns + "description").Single().Value));
        Assert.Contains("source-generator", nuspec.Descendants(ns + "tags").Single().Value);
    }

    [Fact]
    public void The_runtime_package_has_the_net8_library_with_docs_readme_and_license()
    {
        using var zip = ZipFile.OpenRead(packages.RuntimePackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = Nuspec(packages.RuntimePackage);
        var ns = nuspec.Root!.GetDefaultNamespace();

        Assert.Contains("lib/net8.0/ProxyGen.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/ProxyGen.Runtime.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.Equal(packages.Version, nuspec.Descendants(ns + "version").Single().Value);
        Assert.Equal("MIT", nuspec.Descendants(ns + "license").Single().Value);
        Assert.Empty(nuspec.Descendants(ns + "dependency"));
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
