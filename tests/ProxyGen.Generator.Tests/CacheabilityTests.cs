using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>The pipeline does no work twice and keeps nothing of the compilation in its cache.</summary>
public class CacheabilityTests
{
    private static readonly string[] TrackedSteps =
        typeof(ProxyGenGenerator).Assembly.GetType("ProxyGen.Generator.TrackingNames")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .ToArray();

    [Fact]
    public void A_second_run_on_the_same_input_leaves_every_step_cached_or_unchanged()
    {
        var harness = new GeneratorHarness().AddSpec(RepoPaths.OwnSpec);
        var compilation = GeneratorHarness.NewCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        AssertAllCached(second);
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

        AssertAllCached(second);
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

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in TrackedSteps)
        {
            if (!Ran(result, step))
            {
                continue;
            }

            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, step, visited);
            }
        }
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var step in TrackedSteps)
        {
            if (!Ran(result, step))
            {
                continue;
            }

            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {step} produced {output.Reason} output {output.Value}");
            }
        }
    }

    /// <summary>A step that yields nothing (Diagnostics, for a clean spec) is not recorded; every other step must be.</summary>
    private static bool Ran(GeneratorRunResult result, string step)
    {
        var ran = result.TrackedSteps.ContainsKey(step);
        Assert.True(ran || step == "Diagnostics", $"step {step} did not run at all");
        return ran;
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree,
            $"step {step} holds a {type.FullName}");
        Assert.False(type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true,
            $"step {step} holds a {type.FullName}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, visited);
            }
        }

        if (type.Namespace?.StartsWith("ProxyGen", StringComparison.Ordinal) == true || type.Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertPlainData(field.GetValue(value), step, visited);
            }
        }
    }
}
