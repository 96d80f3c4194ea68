using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    /// <summary>
    /// Inline object schemas of the same shape and the same last word of their names (Twilio writes one <c>meta</c>
    /// object per list operation) become one type: the same members, wire names and types, in the same order, for the
    /// same kind of thing (a folder's <c>parent</c> and a user's <c>user</c> may both be <c>{id}</c>, and stay apart).
    /// Its name is what their names share
    /// (<c>ListChannelResponseMeta</c> + <c>ListFlexFlowResponseMeta</c> → <c>ListResponseMeta</c>), so it does not
    /// change when an operation is added or removed; when that is taken or empty, the first name in ordinal order.
    /// Repeated until nothing merges, since merging children can make their parents the same. Components, which the
    /// spec names, are never merged.
    /// </summary>
    private List<(OperationSpec Operation, string Pointer)> MergeIdenticalInlineModels(List<(OperationSpec Operation, string Pointer)> operations)
    {
        // A model's shape is written once: a round keeps the models no rename touched (ApplyRenames).
        var shapes = new Dictionary<ModelSpec, string>(IdentityComparer<ModelSpec>.Instance);
        string ShapeOf(ModelSpec model)
        {
            if (!shapes.TryGetValue(model, out var shape))
            {
                shape = Shape(model) + "\u0003" + LastWord(model.Name);
                shapes[model] = shape;
            }

            return shape;
        }

        for (var round = 0; round < 16; round++)
        {
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            var representatives = new HashSet<string>(StringComparer.Ordinal);
            var descriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
            var groups = _models.Values
                .Where(m => !_componentModels.Contains(m.Name) && m.BaseName is null && m.IsSealed)
                .GroupBy(ShapeOf, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var names = group.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

                // One description for all when they agree; otherwise none (each member keeps its own words).
                descriptions[names[0]] = group.Select(m => m.Description).Distinct(StringComparer.Ordinal).Count() == 1 ? group.First().Description : null;
                var shared = SharedName(names);
                var canonical = shared is not null && (!_typeNames.Contains(shared) || names.Contains(shared)) ? shared : names[0];
                _typeNames.Add(canonical);
                representatives.Add(names[0]);
                foreach (var name in names)
                {
                    renames[name] = canonical;
                }
            }

            if (renames.Count == 0)
            {
                break;
            }

            operations = ApplyRenames(operations, renames, representatives, descriptions);
        }

        return operations;
    }

    /// <summary>
    /// Renames models (and every reference to them) by <paramref name="renames"/>; of models that become one, only the
    /// <paramref name="representatives"/> stay, with the description in <paramref name="descriptions"/>.
    /// </summary>
    private List<(OperationSpec Operation, string Pointer)> ApplyRenames(
        List<(OperationSpec Operation, string Pointer)> operations,
        Dictionary<string, string> renames,
        HashSet<string> representatives,
        Dictionary<string, string?> descriptions)
    {
        foreach (var rename in renames)
        {
            if (rename.Key != rename.Value)
            {
                _mergedPointers[rename.Value] = PointersOf(rename.Value).Concat(PointersOf(rename.Key)).Distinct(StringComparer.Ordinal).ToList();
            }
        }

            var models = _models.Values.ToList();
        _models.Clear();
        foreach (var model in models)
        {
            if (renames.ContainsKey(model.Name) && !representatives.Contains(model.Name))
            {
                continue;
            }

            var name = renames.TryGetValue(model.Name, out var canonical) ? canonical : model.Name;
            var description = descriptions.TryGetValue(model.Name, out var merged) ? merged : model.Description;
            _models[name] = name == model.Name && description == model.Description && !Mentions(model.Properties, renames) && !Mentions(model.InheritedProperties, renames)
                ? model
                : model with
                {
                    Name = name,
                    Description = description,
                    Properties = model.Properties.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray(),
                    InheritedProperties = model.InheritedProperties.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray(),
                };
            if (name != model.Name)
            {
                _componentModels.Remove(model.Name);
            }
        }

        operations = operations.Select(o => (Rename(o.Operation, renames), o.Pointer)).ToList();
        for (var i = 0; i < _unionDrafts.Count; i++)
        {
            _unionDrafts[i] = _unionDrafts[i] with
            {
                Alternatives = _unionDrafts[i].Alternatives.Select(a => a with { Type = Rename(a.Type, renames) }).ToEquatableArray(),
            };
        }

        return operations;
    }

    /// <summary>Every place in the spec a model was read from: several when inline objects became one.</summary>
    private List<string> PointersOf(string name) =>
        _mergedPointers.TryGetValue(name, out var pointers) ? pointers
        : _drafts.TryGetValue(name, out var draft) ? new List<string> { draft.Pointer }
        : new List<string>();

    /// <summary>
    /// With an API baseline, an inline type keeps the name the baseline gives it. Names of inline types are the
    /// generator's, not the spec's: the object Twilio writes under <c>phone_number.capabilities</c> is
    /// <c>Capabilities</c> while a short code has the same one, and would become <c>PhoneNumberCapabilities</c> the day
    /// short codes go. Matching by where the spec declares it keeps the caller's code compiling.
    /// </summary>
    private List<(OperationSpec Operation, string Pointer)> KeepBaselineNames(List<(OperationSpec Operation, string Pointer)> operations)
    {
        if (_input.Baseline is not { } baseline)
        {
            return operations;
        }

        var byPointer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, _) in Drift.ApiSurface.Read(baseline.Text))
        {
            if (entry.Kind == Drift.SurfaceKind.Type && entry.TypeKeyword == "class" && !Drift.ApiChange.IsComponent(entry))
            {
                foreach (var pointer in entry.Where.Split(' '))
                {
                    byPointer[pointer] = entry.Key;
                }
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in _models.Values.Where(m => !_componentModels.Contains(m.Name)))
        {
            var wanted = PointersOf(model.Name).Select(p => byPointer.TryGetValue(p, out var name) ? name : null).FirstOrDefault(n => n is not null);
            if (wanted is not null && wanted != model.Name && !_typeNames.Contains(wanted))
            {
                renames[model.Name] = wanted;
                _typeNames.Add(wanted);
            }
        }

        return renames.Count == 0 ? operations : ApplyRenames(operations, renames, new HashSet<string>(renames.Keys, StringComparer.Ordinal), new Dictionary<string, string?>());
    }

    /// <summary>A model's shape: every member's wire name, C# name and type, in order. Descriptions do not count.</summary>
    private static string Shape(ModelSpec model)
    {
        var shape = new StringBuilder();
        foreach (var property in model.AllProperties)
        {
            shape.Append(property.JsonName).Append('\u0001').Append(property.Name).Append('\u0001');
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

    /// <summary>True when a type names, at any depth of lists and maps, a model being renamed.</summary>
    private static bool Mentions(TypeRef? type, Dictionary<string, string> renames)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Kind == TypeKind.Model && type.Name is { } name && renames.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(EquatableArray<PropertySpec> properties, Dictionary<string, string> renames) =>
        properties.Any(p => Mentions(p.Type, renames));

    private static bool Mentions(OperationSpec operation, Dictionary<string, string> renames) =>
        Mentions(operation.Response, renames) || Mentions(operation.Body?.Type, renames)
        || operation.PathParameters.Any(p => Mentions(p.Type, renames))
        || operation.Request?.Fields.Any(f => Mentions(f.Type, renames)) == true;

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

    private static TypeRef Rename(TypeRef type, Dictionary<string, string> renames) => type with
    {
        Name = type.Kind == TypeKind.Model && type.Name is { } name && renames.TryGetValue(name, out var canonical) ? canonical : type.Name,
        Element = type.Element is null ? null : Rename(type.Element, renames),
    };

    private static OperationSpec Rename(OperationSpec operation, Dictionary<string, string> renames) => !Mentions(operation, renames) ? operation : operation with
    {
        Response = operation.Response is null ? null : Rename(operation.Response, renames),
        Body = operation.Body is null ? null : operation.Body with { Type = Rename(operation.Body.Type, renames) },
        PathParameters = operation.PathParameters.Select(p => p with { Type = Rename(p.Type, renames) }).ToEquatableArray(),
        Request = operation.Request is null ? null : operation.Request with
        {
            Fields = operation.Request.Fields.Select(f => f with { Type = Rename(f.Type, renames) }).ToEquatableArray(),
        },
    };
}
