using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>The spec's public surface, and what changed since the API baseline beside it.</summary>
internal sealed partial class OpenApiParser
{
    /// <summary>Where the spec declares each enum and union (models keep theirs in their draft).</summary>
    private readonly Dictionary<string, string> _typePointers = new(StringComparer.Ordinal);

    /// <summary>Where the spec declares each operation, by operationId.</summary>
    private readonly Dictionary<string, string> _operationPointers = new(StringComparer.Ordinal);

    /// <summary>Where the spec declares the inline objects that became one model, by that model's name.</summary>
    private readonly Dictionary<string, List<string>> _mergedPointers = new(StringComparer.Ordinal);

    /// <summary>
    /// The surface of <paramref name="spec"/> and, with a baseline, each change reported (PXG0021–PXG0029) at the spec's
    /// line, or at the baseline's line for what is gone; what is gone is kept in the model for its obsolete stubs.
    /// </summary>
    private (ApiSpec Spec, EquatableArray<SurfaceEntry> Surface) CheckDrift(ApiSpec spec, bool withSurface)
    {
        if (_input.Baseline is null && !withSurface)
        {
            return (spec, EquatableArray<SurfaceEntry>.Empty);
        }

        var surface = ApiSurface.Build(spec, TypePointer);
        if (_input.Baseline is not { } baseline)
        {
            return (spec, surface.ToEquatableArray());
        }

        var read = ApiSurface.Read(baseline.Text);
        var lineOf = read.ToDictionary(e => e.Entry.Key, e => e.Line, StringComparer.Ordinal);
        var current = surface.ToDictionary(e => e.Key, StringComparer.Ordinal);
        SourceText? baselineText = null;
        foreach (var change in ApiChange.Compare(read.Select(e => e.Entry), surface))
        {
            var descriptor = DiagnosticDescriptors.ById(change.DiagnosticId);
            var arguments = new[] { change.Subject, change.Detail, _input.FileName };
            if (change.New is { } now)
            {
                Report(descriptor, PointerOf(now, current), arguments);
            }
            else
            {
                baselineText ??= SourceText.From(baseline.Text);
                var line = baselineText.Lines[lineOf[change.Subject]];
                _diagnostics.Add(DiagnosticInfo.Create(descriptor, new LocationInfo(baseline.Path, line.Span, baselineText.Lines.GetLinePositionSpan(line.Span)), arguments));
            }
        }

        // A hand-edited baseline must not put code of its own into the stubs: what does not parse as the C# it claims to
        // be, or would take a name the spec still generates, is left out (the report above still names it).
        var generated = new HashSet<string>(spec.Types.Names, StringComparer.Ordinal);
        var removed = ApiChange.Removed(read.Select(e => e.Entry), surface)
            .Where(e => IsWellFormed(e) && !(e.Kind == SurfaceKind.Type && generated.Contains(e.Key)))
            .ToList();
        if (removed.Count == 0)
        {
            return (spec, surface.ToEquatableArray());
        }

        var keptOwners = removed.Where(e => e.Kind == SurfaceKind.Member && current.ContainsKey(e.Owner)).Select(e => current[e.Owner]).Distinct().ToList();
        return (spec with { Removed = new RemovedSurface(_input.FileName, removed.ToEquatableArray(), keptOwners.ToEquatableArray()) }, surface.ToEquatableArray());
    }

    /// <summary>True when the entry's type and parameters are C# a stub can carry: one type, one parameter list, nothing else.</summary>
    private static bool IsWellFormed(SurfaceEntry entry)
    {
        if (entry.Type is { } type)
        {
            var parsed = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTypeName(ApiSurface.Compilable(type), consumeFullText: true);
            if (parsed.ContainsDiagnostics || parsed.ToFullString() != ApiSurface.Compilable(type))
            {
                return false;
            }
        }

        if (entry.Parameters is { Length: > 0 } parameters)
        {
            var list = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseParameterList("(" + ApiSurface.Compilable(parameters) + ")", consumeFullText: true);
            if (list.ContainsDiagnostics || list.DescendantTrivia().Any(t => !Microsoft.CodeAnalysis.CSharpExtensions.IsKind(t, Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia)))
            {
                return false;
            }
        }

        return true;
    }

    private string? TypePointer(string name) =>
        _mergedPointers.TryGetValue(name, out var merged) ? string.Join(" ", merged)
        : _drafts.TryGetValue(name, out var draft) ? draft.Pointer
        : _typePointers.TryGetValue(name, out var pointer) ? pointer : null;

    /// <summary>The spec's place for an entry of its surface: the operation, the schema, or the schema's member.</summary>
    private string? PointerOf(SurfaceEntry entry, Dictionary<string, SurfaceEntry> surface)
    {
        switch (entry.Kind)
        {
            case SurfaceKind.Method:
                var space = entry.Operation.IndexOf(' ');
                return "#/paths/" + YamlPositionIndex.Escape(entry.Operation.Substring(space + 1)) + "/" + entry.Operation.Substring(0, space).ToLowerInvariant();
            case SurfaceKind.Type when entry.TypeKeyword == "request":
                return _operationPointers.TryGetValue(entry.Where.Substring("operation ".Length), out var operation) ? operation : null;
            case SurfaceKind.Type:
                return entry.Where.Length > 0 ? entry.Where.Split(' ')[0] : null;
            default:
                if (!surface.TryGetValue(entry.Owner, out var owner))
                {
                    return null;
                }

                var ownerPointer = PointerOf(owner, surface);
                return owner.TypeKeyword switch
                {
                    "class" when entry.Where.StartsWith("json ", StringComparison.Ordinal) => ownerPointer + "/properties/" + YamlPositionIndex.Escape(entry.Where.Substring(5)),
                    "enum" => ownerPointer + "/enum",
                    _ => ownerPointer,
                };
        }
    }
}
