using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 3, compose: every <see cref="ModelDraft"/> becomes a <see cref="ModelSpec"/> (inherited members from its base
/// chain, own members with those of merged <c>allOf</c> parts, sealed unless extended), and every union learns which
/// members its object alternatives require, now that their models are finished.
/// </summary>
internal sealed class ModelComposer(ResolvedSchemas schemas, SpecNames names, SpecDiagnostics diagnostics)
{
    private readonly Dictionary<string, ModelSpec> _models = new(StringComparer.Ordinal);

    public (Dictionary<string, ModelSpec> Models, List<UnionSpec> Unions) Compose()
    {
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in schemas.Drafts.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            Finish(name, inProgress);
        }

        var bases = new HashSet<string>(_models.Values.Select(m => m.BaseName).OfType<string>(), StringComparer.Ordinal);
        foreach (var model in _models.Values.ToList())
        {
            _models[model.Name] = model with { IsSealed = !bases.Contains(model.Name) };
        }

        var unions = schemas.Unions.Select(union => union with
        {
            Alternatives = union.Alternatives.Select(a => a.Type.Kind == TypeKind.Model && _models.TryGetValue(a.Type.Name!, out var model)
                ? a with { RequiredMembers = model.AllProperties.Where(p => p.IsRequired).Select(p => p.JsonName).ToEquatableArray() }
                : a).ToEquatableArray(),
        }).ToList();
        return (_models, unions);
    }

    private ModelSpec Finish(string name, HashSet<string> inProgress)
    {
        if (_models.TryGetValue(name, out var done))
        {
            return done;
        }

        var draft = schemas.Drafts[name];
        inProgress.Add(name);
        var inherited = new List<PropertySpec>();
        var baseName = draft.BaseName;
        if (baseName is not null)
        {
            if (inProgress.Contains(baseName))
            {
                diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, draft.Pointer, draft.Pointer, "an allOf that extends itself");
                baseName = null;
            }
            else
            {
                inherited.AddRange(Finish(baseName, inProgress).AllProperties);
            }
        }

        var members = inherited.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        var memberNames = new HashSet<string>(inherited.Select(p => p.Name), StringComparer.Ordinal) { name };
        var own = new List<PropertySpec>();
        foreach (var part in draft.Parts)
        {
            IEnumerable<PropertySpec> properties;
            if (part.Model is null)
            {
                properties = new[] { part.Property! };
            }
            else if (inProgress.Contains(part.Model))
            {
                diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, part.Pointer, part.Pointer, "an allOf that includes itself");
                continue;
            }
            else
            {
                properties = Finish(part.Model, inProgress).AllProperties;
            }

            foreach (var property in properties)
            {
                if (members.TryGetValue(property.JsonName, out var earlier))
                {
                    // allOf means "all of these at once": a later part may narrow a member (an object given its
                    // properties), which an own member takes on; an inherited one keeps its declared type. Only types
                    // no value could have at once (a string and a number) disagree.
                    if (!Compatible(earlier.Type, property.Type))
                    {
                        diagnostics.Report(DiagnosticDescriptors.AllOfConflict, part.Pointer, part.Pointer, property.JsonName, Describe(property.Type), Describe(earlier.Type));
                    }
                    else if (Specificity(property.Type) > Specificity(earlier.Type) && own.IndexOf(earlier) is var index and >= 0)
                    {
                        var narrowed = earlier with { Type = property.Type.WithNullable(earlier.Type.Nullable && property.Type.Nullable), Description = earlier.Description ?? property.Description, Requirement = (Requirement)Math.Max((int)earlier.Requirement, (int)property.Requirement) };
                        own[index] = narrowed;
                        members[property.JsonName] = narrowed;
                    }

                    continue;
                }

                var unique = property with { Name = names.UniqueName(property.Name, memberNames, part.Pointer) };
                members[property.JsonName] = unique;
                own.Add(unique);
            }
        }

        inProgress.Remove(name);
        var model = new ModelSpec(name, draft.Description, own.ToEquatableArray(), baseName, inherited.ToEquatableArray(), IsSealed: true);
        _models[name] = model;
        return model;
    }

    /// <summary>True when one JSON value can be of both types: equal ones, two objects, two lists of such, or anything and untyped JSON.</summary>
    private static bool Compatible(TypeRef a, TypeRef b) =>
        a.WithNullable(false) == b.WithNullable(false)
        || a.Kind == TypeKind.JsonValue || b.Kind == TypeKind.JsonValue
        || (IsObjectLike(a) && IsObjectLike(b))
        || (a.Kind == TypeKind.Array && b.Kind == TypeKind.Array && Compatible(a.Element!, b.Element!));

    private static bool IsObjectLike(TypeRef type) => type.Kind is TypeKind.Model or TypeKind.JsonObject or TypeKind.Map;

    /// <summary>How much a type says about a value: untyped JSON least, a model most.</summary>
    private static int Specificity(TypeRef type) => type.Kind switch
    {
        TypeKind.JsonValue => 0,
        TypeKind.JsonObject => 1,
        TypeKind.Map => 2,
        TypeKind.Array => 2 + Specificity(type.Element!),
        _ => 3,
    };

    /// <summary>How a type reads in a diagnostic: <c>string</c>, <c>list of Thing</c>.</summary>
    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name!,
        TypeKind.Array => "list of " + Describe(type.Element!),
        TypeKind.Map => "map of " + Describe(type.Element!),
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}
