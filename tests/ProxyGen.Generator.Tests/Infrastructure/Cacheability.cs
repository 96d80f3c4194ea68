using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>Checks every step named in TrackingNames: cached on a re-run, and holding only plain data.</summary>
internal static class Cacheability
{
    private static readonly string[] TrackedSteps =
        typeof(ProxyGenGenerator).Assembly.GetType("ProxyGen.Generator.TrackingNames")!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .ToArray();

    public static void AssertAllCached(GeneratorRunResult result)
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

    /// <summary>
    /// A step that yields nothing (Diagnostics for a clean spec, Enums or Unions for a spec without them, Removed
    /// without an API baseline) is not recorded; every other step must be.
    /// </summary>
    private static bool Ran(GeneratorRunResult result, string step)
    {
        var ran = result.TrackedSteps.ContainsKey(step);
        Assert.True(ran || step is "Diagnostics" or "Enums" or "Unions" or "Removed" or "Webhooks", $"step {step} did not run at all");
        return ran;
    }

    /// <summary>Walks every tracked step output and fails on anything that would pin a compilation in the cache.</summary>
    public static void AssertPlainData(GeneratorRunResult result)
    {
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
