using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>Adds one generated file; an unexpected failure becomes a PXG0008 diagnostic, never an exception in the compiler.</summary>
internal static class SafeOutput
{
    public static void Add(SourceProductionContext output, EmitContext client, string hintName, string what, Func<string> emit)
    {
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
