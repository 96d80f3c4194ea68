using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 5, subset: when the item selects some operations, only the models, enums and unions those operations reach
/// (through responses, bodies, parameters, streams, members, bases and union alternatives) are generated.
/// </summary>
internal static class SubsetPruner
{
    /// <summary>The spec without the types no kept operation reaches, and the names of those types.</summary>
    public static (ComposedSpec Spec, List<string> Pruned) Prune(ComposedSpec spec)
    {
        var unions = spec.Unions.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var webhook in spec.Webhooks)
        {
            Push(pending, webhook.Payload);
        }

        foreach (var operation in spec.Operations)
        {
            Push(pending, operation.Response);
            Push(pending, operation.Body?.Type);
            Push(pending, operation.Paging?.ItemType);
            Push(pending, operation.Streamed?.Item);
            foreach (var parameter in operation.PathParameters)
            {
                Push(pending, parameter.Type);
            }

            foreach (var field in operation.Request?.Fields ?? EquatableArray<RequestFieldSpec>.Empty)
            {
                Push(pending, field.Type);
            }
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.Name is not { } name || type.Kind is not (TypeKind.Model or TypeKind.Enum or TypeKind.Union) || !reached.Add(name))
            {
                continue;
            }

            if (type.Kind == TypeKind.Model && spec.Models.TryGetValue(name, out var model))
            {
                foreach (var property in model.AllProperties)
                {
                    pending.Push(property.Type);
                }

                if (model.BaseName is { } baseName)
                {
                    pending.Push(new TypeRef(TypeKind.Model, Nullable: false, baseName));
                }
            }
            else if (type.Kind == TypeKind.Union && unions.TryGetValue(name, out var union))
            {
                foreach (var alternative in union.Alternatives)
                {
                    pending.Push(alternative.Type);
                }
            }
        }

        var pruned = spec.Models.Keys.Concat(spec.Enums.Keys).Concat(unions.Keys).Where(n => !reached.Contains(n)).ToList();
        return (spec with
        {
            Models = spec.Models.Where(m => reached.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
            Enums = spec.Enums.Where(e => reached.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Unions = spec.Unions.Where(u => reached.Contains(u.Name)).ToList(),
        }, pruned);
    }

    private static void Push(Stack<TypeRef> pending, TypeRef? type)
    {
        if (type is not null)
        {
            pending.Push(type);
        }
    }
}
