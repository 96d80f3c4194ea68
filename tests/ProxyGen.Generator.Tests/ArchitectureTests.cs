using System.Text.RegularExpressions;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The generator's layers point one way (docs/architecture.md): Parsing → Model ← Emitting, Drift reads the Model.</summary>
public class ArchitectureTests
{
    private static readonly string GeneratorRoot = Path.Combine(RepoPaths.Root, "generator", "ProxyGen.Generator");

    private static IEnumerable<(string File, string Text)> SourcesUnder(string folder) =>
        Directory.EnumerateFiles(Path.Combine(GeneratorRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(GeneratorRoot, f), File.ReadAllText(f)));

    private static List<string> Mentions(string folder, string layer)
    {
        var pattern = new Regex($@"ProxyGen\.Generator\.{layer}\b|(?<![\w.]){layer}\.[A-Z]", RegexOptions.CultureInvariant);
        return SourcesUnder(folder).Where(s => pattern.IsMatch(s.Text)).Select(s => s.File).ToList();
    }

    [Theory]
    [InlineData("Parsing", "Emitting")]
    [InlineData("Drift", "Emitting")]
    [InlineData("Model", "Emitting")]
    [InlineData("Drift", "Parsing")]
    [InlineData("Model", "Parsing")]
    [InlineData("Model", "Drift")]
    [InlineData("Emitting", "Parsing")]
    public void A_layer_never_uses_one_it_must_not(string folder, string forbidden)
    {
        Assert.True(Directory.Exists(Path.Combine(GeneratorRoot, folder)), folder);
        Assert.Empty(Mentions(folder, forbidden));
    }

    [Fact]
    public void Only_Parsing_knows_OpenApi_NET()
    {
        var outside = new[] { "Model", "Drift", "Emitting", "Diagnostics" }
            .SelectMany(SourcesUnder)
            .Where(s => Regex.IsMatch(s.Text, @"using Microsoft\.OpenApi|Microsoft\.OpenApi\.[A-Z]"))
            .Select(s => s.File);
        Assert.Empty(outside);
    }
}
