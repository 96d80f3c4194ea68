using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>Adds one generated file; an unexpected failure becomes a PXG0008 diagnostic, never an exception in the compiler.</summary>
internal static class SafeOutput
{
    /// <param name="owners">Every spec of the project: a file is added only for the first spec that generates its client.</param>
    public static void Add(SourceProductionContext output, EmitContext client, ImmutableArray<SpecOwner> owners, string hintName, string what, Func<string> emit)
    {
        foreach (var owner in owners)
        {
            if (owner.Namespace == client.Namespace && owner.ClientName == client.Name)
            {
                if (owner.SpecPath != client.SpecPath)
                {
                    // A second spec generates this very client (same namespace, same name): TypeCollisions reports it
                    // as PXG0010 at that spec, and the first spec's files stand.
                    return;
                }

                break;
            }
        }

        try
        {
            output.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GeneratorFailure,
                Location.None,
                what,
                client.SpecFileName,
                DiagnosticInfo.Describe(exception)));
        }
    }
}
