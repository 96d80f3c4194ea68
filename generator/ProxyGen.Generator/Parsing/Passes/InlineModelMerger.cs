using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 4, merge: inline object schemas of the same shape and the same last word of their names (Twilio writes one
/// <c>meta</c> object per list operation) become one type: the same members, wire names and types, in the same order,
/// for the same kind of thing (a folder's <c>parent</c> and a user's <c>user</c> may both be <c>{id}</c>, and stay
/// apart). Its name is what their names share (<c>ListChannelResponseMeta</c> + <c>ListFlexFlowResponseMeta</c> →
/// <c>ListResponseMeta</c>), so it does not change when an operation is added or removed; when that is taken or empty,
/// the first name in ordinal order. Repeated until nothing merges, since merging children can make their parents the
/// same. Components, which the spec names, are never merged.
/// </summary>
internal static class InlineModelMerger
{
    public static ComposedSpec Merge(ComposedSpec spec, SpecNames names)
    {
        // A model's shape is written once: a round keeps the models no rename touched.
        var shapes = new Dictionary<ModelSpec, string>(SchemaShapes.IdentityComparer<ModelSpec>.Instance);
        string ShapeOf(ModelSpec model)
        {
            if (!shapes.TryGetValue(model, out var shape))
            {
                shape = Shape(model) + "\u0003" + LastWord(model.Name);
                shapes[model] = shape;
            }

            return shape;
        }

        // Where each merged model was declared: every place of every model that became it.
        var merged = new Dictionary<string, IReadOnlyList<string>>(spec.Merged.ToDictionary(m => m.Key, m => m.Value), StringComparer.Ordinal);
        spec = spec with { Merged = merged };

        for (var round = 0; round < 16; round++)
        {
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            var representatives = new HashSet<string>(StringComparer.Ordinal);
            var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
            var groups = spec.Models.Values
                .Where(m => !spec.ComponentModels.Contains(m.Name) && m.BaseName is null && m.IsSealed)
                .GroupBy(ShapeOf, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var groupNames = group.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

                // One description for all when they agree; otherwise none (each member keeps its own words).
                descriptions[groupNames[0]] = group.Select(m => m.Description).Distinct(StringComparer.Ordinal).Count() == 1 ? group.First().Description : null;
                var shared = SharedName(groupNames);
                var canonical = shared is not null && (!names.IsTaken(shared) || groupNames.Contains(shared)) ? shared : groupNames[0];
                names.Take(canonical);
                representatives.Add(groupNames[0]);
                foreach (var name in groupNames)
                {
                    renames[name] = canonical;
                }
            }

            if (renames.Count == 0)
            {
                break;
            }

            foreach (var rename in renames)
            {
                if (rename.Key != rename.Value)
                {
                    merged[rename.Value] = spec.PointersOf(rename.Value).Concat(spec.PointersOf(rename.Key)).Distinct(StringComparer.Ordinal).ToList();
                }
            }

            spec = spec.Renamed(renames, representatives, descriptions);
        }

        return spec;
    }

    /// <summary>A model's shape: every member's wire name, C# name and type, in order. Descriptions do not count.</summary>
    private static string Shape(ModelSpec model)
    {
        var shape = new StringBuilder();
        foreach (var property in model.AllProperties)
        {
            shape.Append(property.JsonName).Append('\u0001').Append(property.Name).Append('\u0001').Append(property.Requirement).Append('\u0001');
            AppendShape(shape, property.Type);
            shape.Append('\u0002');
        }

        return shape.ToString();
    }

    private static void AppendShape(StringBuilder shape, TypeRef type)
    {
        shape.Append(type.Kind).Append(type.Nullable ? "?" : string.Empty).Append(type.Name).Append('(');
        if (type.Element is { } element)
        {
            AppendShape(shape, element);
        }

        shape.Append(')');
    }

    /// <summary>The PascalCase words every name starts with and ends with (<c>List</c> … <c>ResponseMeta</c>), or null.</summary>
    private static string? SharedName(IReadOnlyList<string> names)
    {
        var words = names.Select(Words).ToList();
        var shortest = words.Min(w => w.Count);
        var prefix = 0;
        while (prefix < shortest && words.All(w => w[prefix] == words[0][prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shortest - prefix && words.All(w => w[w.Count - 1 - suffix] == words[0][words[0].Count - 1 - suffix]))
        {
            suffix++;
        }

        if (suffix == 0)
        {
            return null;
        }

        var shared = string.Concat(words[0].Take(prefix).Concat(words[0].Skip(words[0].Count - suffix)));
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(shared) ? shared : null;
    }

    /// <summary>The last of <see cref="Words"/>: <c>ListFlexFlowResponseMeta</c> → Meta.</summary>
    private static string LastWord(string name)
    {
        var start = 0;
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                start = i;
            }
        }

        return start == 0 ? name : name.Substring(start);
    }

    /// <summary><c>ListFlexFlowResponseMeta</c> → List, Flex, Flow, Response, Meta.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
            {
                words.Add(name.Substring(start, i - start));
                start = i;
            }
        }

        return words;
    }
}
