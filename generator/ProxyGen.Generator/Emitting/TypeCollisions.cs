using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Two specs in one project may land in the same namespace; a type both generate would fail the build with a wall of
/// CS0101 errors. Report it once, naming both files and the fix, instead.
/// </summary>
internal static class TypeCollisions
{
    public static void Report(SourceProductionContext output, ImmutableArray<GeneratedTypes> specs)
    {
        var owners = new Dictionary<(string Namespace, string Name), EmitContext>();
        foreach (var spec in specs)
        {
            foreach (var name in spec.Names)
            {
                var key = (spec.Client.Namespace, name);
                if (owners.TryGetValue(key, out var first))
                {
                    output.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.TypeCollision,
                        LocationInfo.StartOf(spec.Client.SpecPath).ToLocation(),
                        first.SpecFileName,
                        spec.Client.SpecFileName,
                        spec.Client.Namespace,
                        name));
                }
                else
                {
                    owners[key] = spec.Client;
                }
            }
        }
    }
}
