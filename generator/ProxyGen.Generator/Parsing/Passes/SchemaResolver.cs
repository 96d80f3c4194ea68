using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 2, resolve types: the C# type of every schema an operation or a component uses. Components keep their own
/// (PascalCase, de-collided) names; inline objects, enums and unions are named after where they stand. Objects become
/// <see cref="ModelDraft"/>s (finished by <see cref="ModelComposer"/>), string enums <see cref="EnumSpec"/>s, and
/// <c>oneOf</c>/<c>anyOf</c> unions. A schema that contains itself resolves; one that cannot be a C# type is reported.
/// </summary>
internal sealed class SchemaResolver
{
    private readonly SchemaShapes _shapes;
    private readonly SpecNames _names;
    private readonly SpecDiagnostics _diagnostics;
    private readonly bool _strictRequired;

    /// <summary>Component key → C# name, decided before anything is resolved.</summary>
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _resolvedComponents = new(StringComparer.Ordinal);

    /// <summary>Components being resolved right now: meeting one again means the schema contains itself.</summary>
    private readonly HashSet<string> _resolvingComponents = new(StringComparer.Ordinal);

    private readonly Dictionary<string, ModelDraft> _drafts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _componentModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);
    private readonly List<UnionSpec> _unions = new();

    /// <summary>Where the spec declares each enum and union (models keep theirs in their draft).</summary>
    private readonly Dictionary<string, string> _typePointers = new(StringComparer.Ordinal);

    /// <param name="strictRequired">Required members are not nullable and must be present (<c>ProxyGenRequiredMembers="Strict"</c>).</param>
    public SchemaResolver(SchemaShapes shapes, SpecNames names, SpecDiagnostics diagnostics, bool strictRequired = false)
    {
        _strictRequired = strictRequired;
        _shapes = shapes;
        _names = names;
        _diagnostics = diagnostics;

        // Every component is named first, so an inline type never takes a name the spec gives a component.
        var generatedTypes = new HashSet<string>(names.Types, StringComparer.Ordinal);
        foreach (var component in Naming.ComponentNames(shapes.Document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()))
        {
            var pointer = "#/components/schemas/" + YamlPositionIndex.Escape(component.Key);
            _componentNames[component.Key] = names.UniqueType(names.Identifier(component.Value, pointer), pointer, generatedTypes);
        }
    }

    /// <summary>Resolves every component not yet met: the spec names it, so users may expect it, used by an operation or not.</summary>
    public void ResolveAllComponents()
    {
        if (_shapes.Document.Components?.Schemas is { } schemas)
        {
            foreach (var component in schemas)
            {
                ResolveComponent(component.Key, component.Value ?? new OpenApiSchema());
            }
        }
    }

    /// <summary>What this pass read: model drafts, enums, unions (without their alternatives' required members yet), and where each stands.</summary>
    public ResolvedSchemas Result() => new(_drafts, _componentModels, _enums, _unions, _typePointers);

    /// <summary>
    /// The C# type of <paramref name="schema"/>. Components keep their own name; an inline object or enum
    /// is named <paramref name="contextName"/> (parent type + member). Request values never become models:
    /// an object in a form body is sent as JSON text, so it is a <c>JsonObject</c>.
    /// </summary>
    public TypeRef ResolveType(IOpenApiSchema schema, string contextName, string pointer, bool forRequest)
    {
        if (schema is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } id } } reference && _componentNames.ContainsKey(id))
        {
            var component = ResolveComponent(id, _shapes.Shape(reference) is { } target and not OpenApiSchemaReference ? target : new OpenApiSchema());
            if (forRequest && component.Kind is TypeKind.Model or TypeKind.Map)
            {
                return new TypeRef(TypeKind.JsonObject, _shapes.IsNullable(schema));
            }

            if (forRequest && component.Kind is TypeKind.Union)
            {
                return new TypeRef(TypeKind.JsonValue, _shapes.IsNullable(schema));
            }

            return component.WithNullable(_shapes.IsNullable(schema));
        }

        return ResolveInline(schema, contextName, pointer, forRequest);
    }

    private TypeRef ResolveComponent(string id, IOpenApiSchema schema)
    {
        if (_resolvedComponents.TryGetValue(id, out var resolved))
        {
            return resolved;
        }

        var name = _componentNames[id];
        var pointer = "#/components/schemas/" + YamlPositionIndex.Escape(id);
        if (_shapes.IsObjectSchema(schema))
        {
            // Registered before the properties are read, so a schema that refers to itself resolves.
            resolved = new TypeRef(TypeKind.Model, Nullable: false, name);
            _resolvedComponents[id] = resolved;
            AddModel(name, schema, pointer);
            _componentModels.Add(name);
            return resolved;
        }

        if (_shapes.IsUnionSchema(schema))
        {
            // Registered first for the same reason: an alternative may contain the union again.
            _resolvedComponents[id] = new TypeRef(TypeKind.Union, Nullable: false, name);
            resolved = AddUnion(name, schema, pointer, nullable: false).WithNullable(false);
            _resolvedComponents[id] = resolved;
            return resolved;
        }

        if (_shapes.IsStringEnum(schema) && !_shapes.IsHttpMethod(schema))
        {
            resolved = new TypeRef(TypeKind.Enum, Nullable: false, name);
            _resolvedComponents[id] = resolved;
            AddEnum(name, schema, pointer);
            return resolved;
        }

        // A component that is only a primitive, list, map or wrapper stands for that type. If it contains itself
        // with no object in between (a list of itself, allOf itself, A ↔ B through lists), no C# type can hold it.
        if (!_resolvingComponents.Add(id))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "itself with no object in between (a list, map or allOf of itself)");
            return new TypeRef(TypeKind.JsonValue, Nullable: true);
        }

        try
        {
            // The schema itself, not a copy: OpenAPI.NET's copy constructor deep-copies, and a resolved self-reference is a cycle.
            resolved = ResolveInline(schema, name, pointer, forRequest: false).WithNullable(false);
        }
        finally
        {
            _resolvingComponents.Remove(id);
        }

        _resolvedComponents[id] = resolved;
        return resolved;
    }

    private TypeRef ResolveInline(IOpenApiSchema schema, string contextName, string pointer, bool forRequest)
    {
        var nullable = _shapes.IsNullable(schema);
        if (_shapes.AnnotatedReference(schema) is { } wrapped)
        {
            return ResolveType(wrapped, contextName, pointer, forRequest).WithNullable(nullable);
        }

        // OpenAPI 3.1 spells a nullable reference `anyOf: [{$ref: X}, {type: 'null'}]` (or oneOf).
        if (_shapes.IsUntyped(schema) && (SchemaShapes.NullableAlternative(schema.AnyOf) ?? SchemaShapes.NullableAlternative(schema.OneOf)) is { } alternative)
        {
            return ResolveType(alternative, contextName, pointer, forRequest).WithNullable(true);
        }

        if (!forRequest && _shapes.IsUnionSchema(schema))
        {
            return AddUnion(_names.UniqueType(_names.Identifier(contextName, pointer)), schema, pointer, nullable);
        }

        if (_shapes.IsHttpMethod(schema))
        {
            return new TypeRef(TypeKind.HttpMethod, nullable);
        }

        if (_shapes.IsStringEnum(schema))
        {
            var name = _names.UniqueType(_names.Identifier(contextName, pointer));
            AddEnum(name, schema, pointer);
            return new TypeRef(TypeKind.Enum, nullable, name);
        }

        var type = _shapes.TypeOf(schema);
        switch (type)
        {
            case JsonSchemaType.String:
                return new TypeRef(StringKind(schema.Format), nullable);
            case JsonSchemaType.Integer:
                return new TypeRef(IntegerKind(schema.Format), nullable);
            case JsonSchemaType.Number:
                return new TypeRef(NumberKind(schema.Format), nullable);
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean, nullable);
            case JsonSchemaType.Array when schema.Items is null && _shapes.HasKeyword(schema, "prefixItems"):
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "prefixItems (a list whose items each have their own type)");
                return new TypeRef(TypeKind.JsonValue, Nullable: true);
            case JsonSchemaType.Array:
                var item = schema.Items is null
                    ? new TypeRef(TypeKind.JsonValue, Nullable: false)
                    : ResolveType(schema.Items, contextName + "Item", pointer + "/items", forRequest);
                return new TypeRef(TypeKind.Array, nullable, Element: ItemType(item, pointer, forRequest));
            case { } several when several != JsonSchemaType.Object && several != 0 && forRequest:
                // A form, query or header value has one text form: JSON text would quote a string.
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "several types (" + several.ToString().ToLowerInvariant() + ") in a form, query or header");
                return new TypeRef(TypeKind.JsonValue, Nullable: true);
            case { } several when several != JsonSchemaType.Object && several != 0:
                // OpenAPI 3.1 `type: [integer, string]`: a union with one alternative per type.
                return AddTypeUnion(_names.UniqueType(_names.Identifier(contextName, pointer)), schema, several, contextName, pointer, nullable);
        }

        if (type == JsonSchemaType.Object || schema.Properties?.Count > 0 || schema.AdditionalProperties is not null || _shapes.IsObjectSchema(schema))
        {
            if (forRequest)
            {
                return new TypeRef(TypeKind.JsonObject, nullable);
            }

            if (_shapes.IsObjectSchema(schema))
            {
                var name = _names.UniqueType(_names.Identifier(contextName, pointer));
                AddModel(name, schema, pointer);
                return new TypeRef(TypeKind.Model, nullable, name);
            }

            if (schema.AdditionalProperties is { } values && !_shapes.IsUntyped(values))
            {
                var value = ResolveType(values, contextName + "Value", pointer + "/additionalProperties", forRequest);
                return new TypeRef(TypeKind.Map, nullable, Element: ItemType(value, pointer, forRequest));
            }

            return new TypeRef(TypeKind.JsonObject, nullable);
        }

        var composition = schema.OneOf?.Count > 0 ? "oneOf" : schema.AnyOf?.Count > 0 ? "anyOf" : schema.AllOf?.Count > 0 ? "allOf" : null;
        if (composition is not null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, composition);
        }

        return new TypeRef(TypeKind.JsonValue, Nullable: true);
    }

    /// <summary>
    /// Items of lists and maps are read with non-null item readers; only primitives may be null items. In a response
    /// (or a JSON body) lists and maps nest to any depth; a form, query or header has no way to send a list of lists,
    /// so there it stays raw JSON.
    /// </summary>
    private TypeRef ItemType(TypeRef item, string pointer, bool forRequest)
    {
        if (forRequest && item.Kind is TypeKind.Array or TypeKind.Map)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "a list or map of lists or maps in a form, query or header");
            return new TypeRef(TypeKind.JsonValue, Nullable: false);
        }

        return item.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.HttpMethod or TypeKind.Union or TypeKind.JsonObject or TypeKind.JsonValue or TypeKind.Array or TypeKind.Map
            ? item.WithNullable(false)
            : item;
    }

    /// <summary>The type of a string of <paramref name="format"/>; a format ProxyGen does not know stays a string.</summary>
    internal static TypeKind StringKind(string? format) => format switch
    {
        "date-time" => TypeKind.DateTimeOffset,
        "date-time-rfc-2822" => TypeKind.DateTimeRfc2822,
        "date" => TypeKind.DateOnly,
        "time" => TypeKind.TimeOnly,
        "duration" => TypeKind.Duration,
        "uuid" => TypeKind.Guid,
        "byte" or "base64" => TypeKind.Bytes,
        "uri" => TypeKind.Uri,
        "http-method" => TypeKind.HttpMethod,
        "int32" => TypeKind.Int32AsString,
        "int64" => TypeKind.Int64AsString,
        "double" or "float" => TypeKind.DoubleAsString,
        "decimal" => TypeKind.DecimalAsString,
        _ => TypeKind.String,
    };

    /// <summary>An integer's type: <c>long</c> for <c>int64</c>, a date-time for <c>unix-time</c> (seconds), else <c>int</c>.</summary>
    internal static TypeKind IntegerKind(string? format) => format switch
    {
        "int64" => TypeKind.Int64,
        "unix-time" => TypeKind.UnixTime,
        _ => TypeKind.Int32,
    };

    /// <summary>A number's type as the spec says: <c>decimal</c> (exact), <c>float</c>, a Unix time, else <c>double</c>.</summary>
    internal static TypeKind NumberKind(string? format) => format switch
    {
        "decimal" => TypeKind.Decimal,
        "float" => TypeKind.Float,
        "unix-time" => TypeKind.UnixTime,
        "int32" => TypeKind.Int32,
        "int64" => TypeKind.Int64,
        _ => TypeKind.Double,
    };

    /// <summary>
    /// Reads an object schema into a draft. With <c>allOf</c>, the first part that refers to a model becomes the base
    /// class; the members of further referenced models and of inline parts become this class's own, with their
    /// <c>required</c> lists united.
    /// </summary>
    private void AddModel(string name, IOpenApiSchema schema, string pointer)
    {
        var draft = new ModelDraft(name, SpecText.Trim(schema.Description ?? schema.Title), pointer);
        _drafts[name] = draft;
        var inlineParts = new List<(IOpenApiSchema Schema, string Pointer)>();
        var pending = new Queue<(IOpenApiSchema Schema, string Pointer)>();
        pending.Enqueue((schema, pointer));
        while (pending.Count > 0)
        {
            var (part, partPointer) = pending.Dequeue();
            inlineParts.Add((part, partPointer));
            for (var i = 0; i < (part.AllOf?.Count ?? 0); i++)
            {
                var entry = part.AllOf![i];
                var entryPointer = partPointer + "/allOf/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (entry is not OpenApiSchemaReference)
                {
                    pending.Enqueue((entry, entryPointer));
                    continue;
                }

                var referenced = ResolveType(entry, name + "Part", entryPointer, forRequest: false);
                if (referenced.Kind != TypeKind.Model)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedSchema, entryPointer, entryPointer, "an allOf part that is not an object");
                }
                else if (draft.BaseName is null && draft.Parts.Count == 0 && !_drafts[referenced.Name!].Extends(name, _drafts))
                {
                    draft.BaseName = referenced.Name;
                }
                else
                {
                    draft.Parts.Add(new ModelPart(referenced.Name, null, entryPointer));
                }
            }
        }

        var required = new HashSet<string>(inlineParts.SelectMany(p => p.Schema.Required ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
        draft.Description ??= inlineParts.Select(p => SpecText.Trim(p.Schema.Description)).FirstOrDefault(d => d is not null);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var namesByMember = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, partPointer) in inlineParts)
        {
            foreach (var property in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var propertyPointer = partPointer + "/properties/" + YamlPositionIndex.Escape(property.Key);

                // A member several parts describe keeps one name (the parts are merged when the model is finished).
                if (!namesByMember.TryGetValue(property.Key, out var propertyName))
                {
                    propertyName = _names.UniqueName(_names.Identifier(Naming.Pascal(property.Key), propertyPointer), names, propertyPointer, name, GeneratedNames.ModelMembers);
                    namesByMember[property.Key] = propertyName;
                }

                var propertySchema = property.Value ?? new OpenApiSchema();
                var type = ResolveType(propertySchema, name + propertyName, propertyPointer, forRequest: false);

                // A member the server may leave out is nullable even when the schema does not say so: absent is not zero.
                // Servers leave out required members too: read tolerantly, only a list or map (read as empty) is not nullable.
                var isRequired = required.Contains(property.Key);
                var requirement = !isRequired ? Requirement.Optional : _strictRequired ? Requirement.Strict : Requirement.Required;
                var nullable = type.Nullable || requirement == Requirement.Optional
                    || (requirement == Requirement.Required && type.Kind is not (TypeKind.Array or TypeKind.Map));
                draft.Parts.Add(new ModelPart(null, new PropertySpec(property.Key, propertyName, type.WithNullable(nullable), _shapes.Describe(propertySchema), propertySchema.Deprecated, requirement), propertyPointer));
            }
        }
    }

    private void AddEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (var value in schema.Enum!.Where(v => !SchemaShapes.IsNull(v)).Select(v => _shapes.EnumText(v, schema)!).Distinct(StringComparer.Ordinal))
        {
            members.Add(new EnumMemberSpec(_names.UniqueName(Naming.Shorten(Naming.Pascal(value)), names, pointer + "/enum", name, GeneratedNames.EnumMembers), value));
        }

        _enums[name] = new EnumSpec(name, SpecText.Trim(schema.Description), members.ToEquatableArray());
        _typePointers[name] = pointer;
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
            if (SchemaShapes.IsNullOnly(option))
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
            discriminator is null ? null : _names.UniqueType(Naming.Shorten(name + alternative.Name)),
            discriminator is null ? default : DiscriminatorValues(schema, alternative.Schema, discriminator).Where(claimed.Add).ToEquatableArray(),
            default)).ToList();
        _unions.Add(new UnionSpec(
            name,
            SpecText.Trim(schema.Description ?? schema.Title),
            discriminator,
            discriminator is null ? null : _names.UniqueType(Naming.Shorten("Unknown" + name)),
            specs.ToEquatableArray()));
        return new TypeRef(TypeKind.Union, nullable, name);
    }

    /// <summary>
    /// Reads <c>type: [integer, string, …]</c> (OpenAPI 3.1) as a union without a discriminator: one alternative per
    /// type, in the order integer, number, string, boolean, array, object (a value that is an integer is a number too),
    /// each typed by the schema's format as a member of that type would be.
    /// </summary>
    private TypeRef AddTypeUnion(string name, IOpenApiSchema schema, JsonSchemaType types, string contextName, string pointer, bool nullable)
    {
        _typePointers[name] = pointer;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var alternatives = new List<UnionAlternativeSpec>();
        void Add(TypeRef type) => alternatives.Add(new UnionAlternativeSpec(Naming.Unique(AlternativeName(type), names), type, null, default, default));

        if (types.HasFlag(JsonSchemaType.Integer))
        {
            Add(new TypeRef(IntegerKind(schema.Format), Nullable: false));
        }

        if (types.HasFlag(JsonSchemaType.Number))
        {
            Add(new TypeRef(NumberKind(schema.Format) is TypeKind.Decimal ? TypeKind.Decimal : TypeKind.Double, Nullable: false));
        }

        if (types.HasFlag(JsonSchemaType.String))
        {
            Add(new TypeRef(StringKind(schema.Format) is var kind && kind is TypeKind.Int32AsString or TypeKind.Int64AsString or TypeKind.DoubleAsString or TypeKind.DecimalAsString ? TypeKind.String : kind, Nullable: false));
        }

        if (types.HasFlag(JsonSchemaType.Boolean))
        {
            Add(new TypeRef(TypeKind.Boolean, Nullable: false));
        }

        if (types.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is null
                ? new TypeRef(TypeKind.JsonValue, Nullable: false)
                : ResolveType(schema.Items, contextName + "Item", pointer + "/items", forRequest: false);
            Add(new TypeRef(TypeKind.Array, Nullable: false, Element: ItemType(item, pointer, forRequest: false)));
        }

        if (types.HasFlag(JsonSchemaType.Object))
        {
            Add(new TypeRef(TypeKind.JsonObject, Nullable: false));
        }

        _unions.Add(new UnionSpec(name, SpecText.Trim(schema.Description ?? schema.Title), null, null, alternatives.ToEquatableArray()));
        return new TypeRef(TypeKind.Union, nullable || types.HasFlag(JsonSchemaType.Null), name);
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
            else if (member.Enum is { Count: 1 } && _shapes.EnumText(member.Enum[0], member) is { } only)
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
}

/// <summary>What <see cref="SchemaResolver"/> read, for <see cref="ModelComposer"/>.</summary>
/// <param name="Drafts">Every object schema met, by model name.</param>
/// <param name="ComponentModels">The models the spec names (components): never merged away, whatever their shape.</param>
/// <param name="Unions">Unions whose alternatives do not yet list the members they require.</param>
/// <param name="TypePointers">Where the spec declares each enum and union.</param>
internal sealed record ResolvedSchemas(
    IReadOnlyDictionary<string, ModelDraft> Drafts,
    IReadOnlyCollection<string> ComponentModels,
    IReadOnlyDictionary<string, EnumSpec> Enums,
    IReadOnlyList<UnionSpec> Unions,
    IReadOnlyDictionary<string, string> TypePointers);
