using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The pipeline does no work twice and keeps nothing of the compilation in its cache.</summary>
public class CacheabilityTests
{
    private static readonly string[] EmittingSteps = ["Clients", "JsonTypes", "Operations", "Models", "Enums", "Unions", "Removed"];

    private static readonly string[] History =
    [
        "twilio_proxy_v1.2023-01-25.yaml",
        "twilio_proxy_v1.2023-09-07.yaml",
        "twilio_proxy_v1.2023-09-21.yaml",
        "twilio_proxy_v1.2025-06-12.yaml",
        "twilio_proxy_v1.2026-02-05.yaml",
    ];

    /// <summary>
    /// Runs the generator on <paramref name="before"/>, replaces the spec's text by <paramref name="after"/> (same path,
    /// as an editor or a vendor update does) and runs again: the files whose text changed, and the emitting steps'
    /// outputs that were new or modified, i.e. the files the second run re-emitted.
    /// </summary>
    private static (HashSet<string> Changed, int ReEmitted, int Total, GeneratorRunResult Result) Edit(string before, string after)
    {
        const string Path = "/project/proxy_v1.yaml";
        var first = new GeneratorHarness().AddSpec(Path, before, clientName: "ProxyV1Client");
        var compilation = GeneratorHarness.NewCompilation();
        var driver = first.CreateDriver().RunGenerators(compilation);
        var old = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        driver = driver.ReplaceAdditionalText(first.Texts[0], new GeneratorHarness().AddSpec(Path, after, clientName: "ProxyV1Client").Texts[0]);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var now = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = now.Where(f => !old.TryGetValue(f.Key, out var text) || text != f.Value).Select(f => f.Key).ToHashSet();
        var reEmitted = EmittingSteps.Where(result.TrackedSteps.ContainsKey)
            .SelectMany(step => result.TrackedSteps[step].SelectMany(s => s.Outputs))
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        return (changed, reEmitted, now.Count, result);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Replacing_one_real_Proxy_version_by_the_next_re_emits_exactly_the_files_that_changed(int index)
    {
        var old = RepoPaths.Shared("proxy_v1-history/" + History[index]);
        var @new = RepoPaths.Shared("proxy_v1-history/" + History[index + 1]);
        Skip.If(old is null || @new is null, "../shared/specs/proxy_v1-history is not beside the repository (CI requires it).");

        var (changed, reEmitted, total, _) = Edit(File.ReadAllText(old!), File.ReadAllText(@new!));

        Console.WriteLine($"{History[index]} -> {History[index + 1]}: {changed.Count} files changed or new, {reEmitted} re-emitted, of {total}");
        if (index < 3)
        {
            // Versions that only change and add: exactly the files whose text changed are emitted again.
            Assert.True(changed.Count == reEmitted, $"{changed.Count} files changed, {reEmitted} re-emitted: {string.Join(", ", changed.Order())}");
        }
        else
        {
            // 2026-02 removes five operations. Roslyn compares a SelectMany's items by position, so an item after a
            // removed one in its branch (ProxyGenGenerator.Branches) is emitted again, with the same text: 2 here, of 49.
            Assert.Equal(changed.Count + 2, reEmitted);
        }
    }

    [Fact]
    public void A_comment_or_whitespace_only_edit_re_emits_nothing()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var edited = "# A comment the generator never reads.\n" + text.Replace("\npaths:\n", "\n\npaths:   \n", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var (changed, reEmitted, _, result) = Edit(text, edited);

        Assert.Empty(changed);
        Assert.Equal(0, reEmitted);
        Assert.All(EmittingSteps.Where(result.TrackedSteps.ContainsKey).SelectMany(step => result.TrackedSteps[step].SelectMany(s => s.Outputs)),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
    }

    [Fact]
    public void Editing_info_description_re_emits_only_the_client_file()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var edited = text.Replace("Masked phone numbers for two-party conversations", "Masked numbers for two-party conversations", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var (changed, reEmitted, _, result) = Edit(text, edited);

        Assert.Equal(["Acme.Proxy.ProxyV1Client.g.cs"], changed);
        Assert.Equal(1, reEmitted);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(result.TrackedSteps["Clients"].SelectMany(s => s.Outputs)).Reason);
    }

    [Fact]
    public void Editing_an_unrelated_CSharp_file_reruns_nothing()
    {
        var harness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec);
        var compilation = GeneratorHarness.NewCompilation("namespace Consumer; public class Before { }");
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("namespace Consumer; public class After { public int X; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Cacheability.AssertAllCached(second);
    }

    [Fact]
    public void Editing_one_operation_re_emits_only_that_operation()
    {
        var text = File.ReadAllText(RepoPaths.OwnSpec);
        var harness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, text);
        var compilation = GeneratorHarness.NewCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var editedText = text.Replace("summary: Fetch one short code of the pool.", "summary: Fetch one short code of the pool, by SID.");
        Assert.NotEqual(text, editedText);
        var editedHarness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec, editedText);
        driver = driver.ReplaceAdditionalText(harness.Texts[0], editedHarness.Texts[0]);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var operations = result.TrackedSteps["Operations"].SelectMany(s => s.Outputs).ToList();
        var modified = operations.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var single = Assert.Single(modified);
        Assert.Contains("FetchShortCode", single.Value.ToString());
        Assert.All(operations.Except(modified), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(result.TrackedSteps["Models"].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_compilations_or_OpenApi_objects()
    {
        var result = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec).CreateDriver()
            .RunGenerators(GeneratorHarness.NewCompilation()).GetRunResult().Results.Single();

        Cacheability.AssertPlainData(result);
    }
}
