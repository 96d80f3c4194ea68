using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The pipeline does no work twice and keeps nothing of the compilation in its cache.</summary>
public class CacheabilityTests
{
    [Fact]
    public void A_second_run_on_the_same_input_leaves_every_step_cached_or_unchanged()
    {
        var harness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec);
        var compilation = GeneratorHarness.NewCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        Cacheability.AssertAllCached(second);
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
