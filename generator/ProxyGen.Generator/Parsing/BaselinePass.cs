using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// The last pass, and a pipeline step of its own so that editing a baseline never re-reads the document: with the API
/// baseline beside the spec (<c>proxy_v1.api.txt</c>), inline models keep the names it gives them, and every change
/// since is reported (PXG0021–PXG0029) at the spec's line, or at the baseline's line for what is gone; what is gone is
/// kept in the model for its obsolete stubs.
/// </summary>
internal static class BaselinePass
{
    /// <param name="withSurface">Also return the surface (what <c>proxygen baseline</c> writes); a build needs it only with a baseline.</param>
    public static ParseResult Apply(ParsedSpec parsed, SpecBaseline? baseline, bool withSurface = false)
    {
        if (parsed.Spec is not { } spec || (baseline is null && !withSurface))
        {
            return new ParseResult(parsed.Spec, parsed.Diagnostics, EquatableArray<SurfaceEntry>.Empty);
        }

        var read = baseline is null ? null : ApiSurface.Read(baseline.Text);
        var origins = parsed.Origins;
        if (read is not null && origins.LeftOut.Count > 0)
        {
            // A subset is compared as a subset: what the item's selection left out is out of scope, not removed.
            var leftOut = new HashSet<string>(origins.LeftOut, StringComparer.Ordinal);
            var stems = new HashSet<string>(
                read.Where(e => e.Entry.Kind == SurfaceKind.Method && e.Entry.Endpoint is { } endpoint && leftOut.Contains(endpoint.Text))
                    .Select(e => e.Entry.Name.EndsWith("Async", StringComparison.Ordinal) ? e.Entry.Name.Substring(0, e.Entry.Name.Length - 5) : e.Entry.Name),
                StringComparer.Ordinal);
            foreach (var request in read.Where(e => e.Entry.OperationId is { } id && stems.Contains(Naming.Pascal(id))))
            {
                leftOut.Add(request.Entry.Key);
            }

            read = read.Where(e => !(e.Entry.Endpoint is { } endpoint && leftOut.Contains(endpoint.Text)) && !leftOut.Contains(e.Entry.Owner)).ToList();
        }

        if (read is not null)
        {
            (spec, origins) = KeepBaselineNames(spec, origins, read.Select(e => e.Entry));
        }

        var surface = ApiSurface.Build(spec, origins);
        if (baseline is null)
        {
            return new ParseResult(spec, parsed.Diagnostics, surface.ToEquatableArray());
        }

        var diagnostics = new SpecDiagnostics(parsed.Input.Path, parsed.Input.Text);
        foreach (var diagnostic in parsed.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        var lineOf = read!.ToDictionary(e => e.Entry.Key, e => e.Line, StringComparer.Ordinal);
        var current = surface.ToDictionary(e => e.Key, StringComparer.Ordinal);
        SourceText? baselineText = null;
        foreach (var change in ApiChange.Compare(read.Select(e => e.Entry), surface))
        {
            var descriptor = DiagnosticDescriptors.ById(change.DiagnosticId);
            var arguments = new[] { change.Subject, change.Detail, parsed.Input.FileName };
            if (change.New is { } now)
            {
                diagnostics.Report(descriptor, PointerOf(now, current, origins), arguments);
            }
            else
            {
                baselineText ??= SourceText.From(baseline.Text);
                var line = baselineText.Lines[lineOf[change.Subject]];
                diagnostics.Add(DiagnosticInfo.Create(descriptor, new LocationInfo(baseline.Path, line.Span, baselineText.Lines.GetLinePositionSpan(line.Span)), arguments));
            }
        }

        // A hand-edited baseline must not put code of its own into the stubs: what does not parse as the C# it claims to
        // be, or would take a name the spec still generates, is left out (the report above still names it).
        var generated = new HashSet<string>(spec.Types.Names, StringComparer.Ordinal);
        var removed = ApiChange.Removed(read.Select(e => e.Entry), surface)
            .Where(e => IsWellFormed(e) && !(e.Kind == SurfaceKind.Type && generated.Contains(e.Key)))
            .ToList();
        RemovedSurface? stubs = null;
        if (removed.Count > 0)
        {
            var keptOwners = removed.Where(e => e.Kind == SurfaceKind.Member && current.ContainsKey(e.Owner)).Select(e => current[e.Owner]).Distinct().ToList();
            stubs = new RemovedSurface(parsed.Input.FileName, removed.ToEquatableArray(), keptOwners.ToEquatableArray());
        }

        return new ParseResult(spec, diagnostics.ToEquatableArray(), surface.ToEquatableArray(), stubs);
    }

    /// <summary>
    /// With an API baseline, an inline type keeps the name the baseline gives it. Names of inline types are the
    /// generator's, not the spec's: the object Twilio writes under <c>phone_number.capabilities</c> is
    /// <c>Capabilities</c> while a short code has the same one, and would become <c>PhoneNumberCapabilities</c> the day
    /// short codes go. Matching by where the spec declares it keeps the caller's code compiling.
    /// </summary>
    private static (ApiSpec Spec, SpecOrigins Origins) KeepBaselineNames(ApiSpec spec, SpecOrigins origins, IEnumerable<SurfaceEntry> baseline)
    {
        var byPointer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in baseline)
        {
            if (entry.Kind == SurfaceKind.Type && entry.TypeKind == SurfaceTypeKind.Class && !entry.IsComponent)
            {
                foreach (var pointer in entry.Pointers)
                {
                    byPointer[pointer] = entry.Key;
                }
            }
        }

        var taken = new HashSet<string>(origins.TakenTypeNames, StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in spec.Models)
        {
            if (origins.IsComponentModel(model.Name))
            {
                continue;
            }

            var wanted = origins.PointersOf(model.Name).Select(p => byPointer.TryGetValue(p, out var name) ? name : null).FirstOrDefault(n => n is not null);
            if (wanted is not null && wanted != model.Name && !taken.Contains(wanted))
            {
                renames[model.Name] = wanted;
                taken.Add(wanted);
            }
        }

        if (renames.Count == 0)
        {
            return (spec, origins);
        }

        var rename = new ModelRenames(renames);
        var models = rename.Apply(spec.Models.ToDictionary(m => m.Name, StringComparer.Ordinal), renames.Keys.ToList(), new Dictionary<string, string?>());
        spec = spec with
        {
            Models = models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            Unions = rename.Apply(spec.Unions).ToEquatableArray(),
            Operations = rename.Apply(spec.Operations).ToEquatableArray(),
        };
        origins = origins with
        {
            TypeNames = origins.TypeNames.Select(rename.NameOf).ToEquatableArray(),
            TakenTypeNames = taken.ToEquatableArray(),
        };
        return (spec, origins);
    }

    /// <summary>True when the entry's type and parameters are C# a stub can carry: one type, one parameter list, nothing else.</summary>
    private static bool IsWellFormed(SurfaceEntry entry)
    {
        if (entry.Type is { } type)
        {
            var parsed = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTypeName(SurfaceTypes.Compilable(type), consumeFullText: true);
            if (parsed.ContainsDiagnostics || parsed.ToFullString() != SurfaceTypes.Compilable(type))
            {
                return false;
            }
        }

        if (entry.Parameters.Count > 0)
        {
            var list = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseParameterList("(" + SurfaceTypes.Compilable(entry.ParameterText) + ")", consumeFullText: true);
            if (list.ContainsDiagnostics || list.DescendantTrivia().Any(t => !Microsoft.CodeAnalysis.CSharpExtensions.IsKind(t, Microsoft.CodeAnalysis.CSharp.SyntaxKind.WhitespaceTrivia)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The spec's place for an entry of its surface: the operation, the schema, or the schema's member.</summary>
    private static string? PointerOf(SurfaceEntry entry, Dictionary<string, SurfaceEntry> surface, SpecOrigins origins)
    {
        switch (entry.Kind)
        {
            case SurfaceKind.Method:
                return "#/paths/" + YamlPositionIndex.Escape(entry.Endpoint!.Path) + "/" + entry.Endpoint.HttpMethod.ToLowerInvariant();
            case SurfaceKind.Type when entry.TypeKind == SurfaceTypeKind.Request:
                return entry.OperationId is { } operationId ? origins.OperationPointer(operationId) : null;
            case SurfaceKind.Type:
                return entry.Pointers.Count > 0 ? entry.Pointers[0] : null;
            default:
                if (!surface.TryGetValue(entry.Owner, out var owner))
                {
                    return null;
                }

                var ownerPointer = PointerOf(owner, surface, origins);
                return owner.TypeKind switch
                {
                    SurfaceTypeKind.Class when entry.Member is { Location: MemberLocation.Json } member => ownerPointer + "/properties/" + YamlPositionIndex.Escape(member.Name),
                    SurfaceTypeKind.Enum => ownerPointer + "/enum",
                    _ => ownerPointer,
                };
        }
    }
}
