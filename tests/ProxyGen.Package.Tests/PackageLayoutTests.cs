using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace ProxyGen.Package.Tests;

/// <summary>What is inside the .nupkg files: the usual ways an analyzer package is broken, checked before anyone installs it.</summary>
[Collection(PackagesCollection.Name)]
public class PackageLayoutTests(PackagesFixture packages)
{
    /// <summary>
    /// Every assembly the generator needs on any host, at the version its package graph resolved (see the generator's
    /// .csproj and the README's dependency notes): the compiler provides only Roslyn.
    /// </summary>
    private static readonly string[] AnalyzerAssemblies =
    [
        "Microsoft.Bcl.AsyncInterfaces.dll",
        "Microsoft.OpenApi.YamlReader.dll",
        "Microsoft.OpenApi.dll",
        "ProxyGen.Generator.dll",
        "SharpYaml.dll",
        "System.Buffers.dll",
        "System.Memory.dll",
        "System.Numerics.Vectors.dll",
        "System.Runtime.CompilerServices.Unsafe.dll",
        "System.Text.Encodings.Web.dll",
        "System.Text.Json.dll",
        "System.Threading.Tasks.Extensions.dll",
    ];

    /// <summary>Assemblies every host gives an analyzer: the framework facades and the compiler itself.</summary>
    private static readonly HashSet<string> HostAssemblies = new(StringComparer.Ordinal)
    {
        "netstandard", "mscorlib", "System", "System.Core", "System.Runtime",
        "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "System.Collections.Immutable", "System.Reflection.Metadata",
    };

    [Fact]
    public void The_generator_package_has_the_generator_and_every_assembly_it_needs_in_the_analyzer_slot_and_no_lib()
    {
        using var zip = ZipFile.OpenRead(packages.GeneratorPackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(
            AnalyzerAssemblies.Select(a => "analyzers/dotnet/cs/" + a),
            entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/ProxyGen.Generator.props", entries);
        Assert.Contains("buildTransitive/ProxyGen.Generator.targets", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Every_reference_of_every_analyzer_assembly_is_shipped_beside_it_at_that_version_or_later()
    {
        var shipped = AnalyzerIdentities();
        var problems = new List<string>();
        foreach (var (name, identity) in shipped)
        {
            foreach (var reference in identity.References.Where(r => !HostAssemblies.Contains(r.Name)))
            {
                if (!shipped.TryGetValue(reference.Name, out var target))
                {
                    problems.Add($"{name} references {reference.Name} {reference.Version}, which the package does not ship");
                }
                else if (target.Version < reference.Version)
                {
                    problems.Add($"{name} references {reference.Name} {reference.Version}, but the package ships {target.Version}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_analyzer_assembly_that_references_System_Memory_or_System_Text_Json_asks_for_the_shipped_version_exactly()
    {
        // On .NET Framework hosts a second System.Memory beside the host's splits Span<T> in two; one version for all
        // is why the generator uses OpenAPI.NET 2.13 (3.x asks for System.Memory 4.0.2.0, System.Text.Json 8 for 4.0.1.2).
        var shipped = AnalyzerIdentities();
        foreach (var name in new[] { "System.Memory", "System.Text.Json" })
        {
            var versions = shipped.Values.SelectMany(i => i.References).Where(r => r.Name == name).Select(r => r.Version).Distinct().ToList();
            Assert.Equal([shipped[name].Version], versions);
        }

        // Older SDKs' compilers carry System.Text.Json 8.0: never ask for more.
        Assert.Equal(8, shipped["System.Text.Json"].Version.Major);
    }

    private Dictionary<string, (Version Version, List<(string Name, Version Version)> References)> AnalyzerIdentities()
    {
        using var zip = ZipFile.OpenRead(packages.GeneratorPackage);
        var result = new Dictionary<string, (Version, List<(string, Version)>)>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open())
            {
                source.CopyTo(stream);
            }

            stream.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var definition = metadata.GetAssemblyDefinition();
            var references = metadata.AssemblyReferences
                .Select(h => metadata.GetAssemblyReference(h))
                .Select(r => (metadata.GetString(r.Name), r.Version))
                .ToList();
            result[metadata.GetString(definition.Name)] = (definition.Version, references);
        }

        return result;
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
    public void The_runtime_package_has_the_net8_library_with_docs_readme_license_and_only_the_SSE_parser_as_dependency()
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
        // One dependency, for streamed answers: SseParser, in the shared framework from .NET 9, a package on .NET 8.
        var dependency = Assert.Single(nuspec.Descendants(ns + "dependency"));
        Assert.Equal("System.Net.ServerSentEvents", (string?)dependency.Attribute("id"));
    }

    [Fact]
    public void The_AspNetCore_package_has_the_net8_library_depends_on_the_runtime_of_its_version_and_the_shared_framework()
    {
        using var zip = ZipFile.OpenRead(packages.AspNetCorePackage);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = Nuspec(packages.AspNetCorePackage);
        var ns = nuspec.Root!.GetDefaultNamespace();

        Assert.Contains("lib/net8.0/ProxyGen.AspNetCore.dll", entries);
        Assert.Contains("lib/net8.0/ProxyGen.AspNetCore.xml", entries);
        var dependency = Assert.Single(nuspec.Descendants(ns + "dependency"));
        Assert.Equal("ProxyGen.Runtime", (string?)dependency.Attribute("id"));
        Assert.Equal(packages.Version, (string?)dependency.Attribute("version"));
        Assert.Equal("Microsoft.AspNetCore.App", (string?)Assert.Single(nuspec.Descendants(ns + "frameworkReference")).Attribute("name"));
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
