using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    /// <summary>Unions as read; <see cref="FinishUnions"/> adds what their object alternatives require once models are finished.</summary>
    private readonly List<UnionSpec> _unionDrafts = new();
    private readonly Dictionary<string, UnionSpec> _unions = new(StringComparer.Ordinal);

    /// <summary>A <c>oneOf</c> or <c>anyOf</c> with no members of its own: the alternatives are the whole story.</summary>
    private bool IsUnionSchema(IOpenApiSchema schema)
    {
        schema = Shape(schema);
        return (schema.OneOf?.Count > 0 || schema.AnyOf?.Count > 0)
            && TypeOf(schema) is null or JsonSchemaType.Object
            && !(schema.Properties?.Count > 0)
            && !(schema.AllOf?.Count > 0)
            && (NullableAlternative(schema.OneOf) ?? NullableAlternative(schema.AnyOf)) is null;
    }

    /// <summary>
    /// Reads a union. Each alternative gets its own type (a <c>null</c> alternative makes the union nullable instead).
    /// With a discriminator over object alternatives, each alternative is selected by its mapping keys, its schema's
    /// name, and the one value its discriminator member may take (an enum of one, or a <c>const</c>).
    /// </summary>
    private TypeRef AddUnion(string name, IOpenApiSchema schema, string pointer, bool nullable)
    {
        _typePointers[name] = pointer;
        var keyword = schema.OneOf?.Count > 0 ? "oneOf" : "anyOf";
        var options = (schema.OneOf?.Count > 0 ? schema.OneOf : schema.AnyOf)!;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var alternatives = new List<(string Name, TypeRef Type, IOpenApiSchema Schema)>();
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (IsNullOnly(option))
            {
                nullable = true;
                continue;
            }

            var optionPointer = pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = ResolveType(option ?? new OpenApiSchema(), name + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), optionPointer, forRequest: false).WithNullable(false);

            // Two alternatives of one C# type cannot be told apart (nor converted from): the first stands for both.
            if (alternatives.Any(a => a.Type == type))
            {
                continue;
            }

            alternatives.Add((Naming.Unique(AlternativeName(type), names), type, option ?? new OpenApiSchema()));
        }

        var discriminator = schema.Discriminator?.PropertyName is { Length: > 0 } property && alternatives.Count > 0 && alternatives.All(a => a.Type.Kind == TypeKind.Model)
            ? property
            : null;
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var specs = alternatives.Select(alternative => new UnionAlternativeSpec(
            alternative.Name,
            alternative.Type,
            discriminator is null ? null : Naming.Unique(Naming.Shorten(name + alternative.Name), _typeNames),
            discriminator is null ? default : DiscriminatorValues(schema, alternative.Schema, discriminator).Where(claimed.Add).ToEquatableArray(),
            default)).ToList();
        var union = new UnionSpec(
            name,
            Text(schema.Description ?? schema.Title),
            discriminator,
            discriminator is null ? null : Naming.Unique(Naming.Shorten("Unknown" + name), _typeNames),
            specs.ToEquatableArray());
        _unionDrafts.Add(union);
        return new TypeRef(TypeKind.Union, nullable, name);
    }

    /// <summary>The values that select <paramref name="option"/>, in order: mapping keys, its schema's name, its one value.</summary>
    private IEnumerable<string> DiscriminatorValues(IOpenApiSchema union, IOpenApiSchema option, string property)
    {
        var id = (option as OpenApiSchemaReference)?.Reference?.Id;
        foreach (var entry in union.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            var target = entry.Value?.Reference?.Id ?? entry.Value?.Reference?.ReferenceV3;
            if (id is not null && target is not null && (target == id || target.EndsWith("/" + id, StringComparison.Ordinal)))
            {
                yield return entry.Key;
            }
        }

        if (id is not null)
        {
            yield return id;
        }

        if (option.Properties?.TryGetValue(property, out var member) == true && member is not null)
        {
            if (member.Const is { } constant)
            {
                yield return constant;
            }
            else if (member.Enum is { Count: 1 } && EnumText(member.Enum[0], member) is { } only)
            {
                yield return only;
            }
        }
    }

    /// <summary>An alternative's name within its union: the type it is (<c>TrackObject</c>, <c>String</c>, <c>ListOfInt32</c>).</summary>
    private static string AlternativeName(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Array => "ListOf" + AlternativeName(type.Element!),
        TypeKind.Map => "MapOf" + AlternativeName(type.Element!),
        TypeKind.JsonObject => "Object",
        TypeKind.JsonValue => "Json",
        _ => type.Kind.ToString(),
    };

    /// <summary>Gives each object alternative the members it requires, now that every model is finished.</summary>
    private void FinishUnions()
    {
        foreach (var union in _unionDrafts)
        {
            var alternatives = union.Alternatives.Select(a => a.Type.Kind == TypeKind.Model && _models.TryGetValue(a.Type.Name!, out var model)
                ? a with { RequiredMembers = model.AllProperties.Where(p => !p.Type.Nullable).Select(p => p.JsonName).ToEquatableArray() }
                : a);
            _unions[union.Name] = union with { Alternatives = alternatives.ToEquatableArray() };
        }
    }
}
