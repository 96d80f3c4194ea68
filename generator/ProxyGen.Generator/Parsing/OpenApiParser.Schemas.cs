using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    /// <summary>Models as read; <see cref="FinishModels"/> resolves their bases once every schema has been read.</summary>
    private readonly Dictionary<string, ModelDraft> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelSpec> _models = new(StringComparer.Ordinal);

    /// <summary>Models the spec names (components): never merged away, whatever their shape.</summary>
    private readonly HashSet<string> _componentModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumSpec> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _resolvedComponents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);

    /// <summary>Components being resolved right now: meeting one again means the schema contains itself.</summary>
    private readonly HashSet<string> _resolvingComponents = new(StringComparer.Ordinal);

    /// <summary>
    /// The C# type of <paramref name="schema"/>. Components keep their own name; an inline object or enum
    /// is named <paramref name="contextName"/> (parent type + member). Request values never become models:
    /// an object in a form body is sent as JSON text, so it is a <c>JsonObject</c>.
    /// </summary>
    private TypeRef ResolveType(IOpenApiSchema schema, string contextName, string pointer, bool forRequest)
    {
        if (schema is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } id } } reference && _componentNames.ContainsKey(id))
        {
            var component = ResolveComponent(id, Shape(reference) is { } target and not OpenApiSchemaReference ? target : new OpenApiSchema());
            if (forRequest && component.Kind is TypeKind.Model or TypeKind.Map)
            {
                return new TypeRef(TypeKind.JsonObject, IsNullable(schema));
            }

            if (forRequest && component.Kind is TypeKind.Union)
            {
                return new TypeRef(TypeKind.JsonValue, IsNullable(schema));
            }

            return component.WithNullable(IsNullable(schema));
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
        if (IsObjectSchema(schema))
        {
            // Registered before the properties are read, so a schema that refers to itself resolves.
            resolved = new TypeRef(TypeKind.Model, Nullable: false, name);
            _resolvedComponents[id] = resolved;
            AddModel(name, schema, pointer);
            _componentModels.Add(name);
            return resolved;
        }

        if (IsUnionSchema(schema))
        {
            // Registered first for the same reason: an alternative may contain the union again.
            _resolvedComponents[id] = new TypeRef(TypeKind.Union, Nullable: false, name);
            resolved = AddUnion(name, schema, pointer, nullable: false).WithNullable(false);
            _resolvedComponents[id] = resolved;
            return resolved;
        }

        if (IsStringEnum(schema))
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
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "itself with no object in between (a list, map or allOf of itself)");
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
        var nullable = IsNullable(schema);
        if (AnnotatedReference(schema) is { } wrapped)
        {
            return ResolveType(wrapped, contextName, pointer, forRequest).WithNullable(nullable);
        }

        // OpenAPI 3.1 spells a nullable reference `anyOf: [{$ref: X}, {type: 'null'}]` (or oneOf).
        if (IsUntyped(schema) && (NullableAlternative(schema.AnyOf) ?? NullableAlternative(schema.OneOf)) is { } alternative)
        {
            return ResolveType(alternative, contextName, pointer, forRequest).WithNullable(true);
        }

        if (!forRequest && IsUnionSchema(schema))
        {
            return AddUnion(Naming.Unique(Identifier(contextName, pointer), _typeNames), schema, pointer, nullable);
        }

        if (IsStringEnum(schema))
        {
            var name = Naming.Unique(Identifier(contextName, pointer), _typeNames);
            AddEnum(name, schema, pointer);
            return new TypeRef(TypeKind.Enum, nullable, name);
        }

        var type = TypeOf(schema);
        switch (type)
        {
            case JsonSchemaType.String:
                return new TypeRef(StringKind(schema.Format), nullable);
            case JsonSchemaType.Integer:
                return new TypeRef(schema.Format == "int64" ? TypeKind.Int64 : TypeKind.Int32, nullable);
            case JsonSchemaType.Number:
                return new TypeRef(schema.Format == "decimal" ? TypeKind.Decimal : TypeKind.Double, nullable);
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean, nullable);
            case JsonSchemaType.Array when schema.Items is null && HasKeyword(schema, "prefixItems"):
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "prefixItems (a list whose items each have their own type)");
                return new TypeRef(TypeKind.JsonValue, Nullable: true);
            case JsonSchemaType.Array:
                var item = schema.Items is null
                    ? new TypeRef(TypeKind.JsonValue, Nullable: false)
                    : ResolveType(schema.Items, contextName + "Item", pointer + "/items", forRequest);
                return new TypeRef(TypeKind.Array, nullable, Element: ItemType(item, pointer, forRequest));
            case { } several when several != JsonSchemaType.Object && several != 0:
                // OpenAPI 3.1 `type: [string, integer]`: no single C# type holds every alternative.
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "several types (" + several.ToString().ToLowerInvariant() + ")");
                return new TypeRef(TypeKind.JsonValue, Nullable: true);
        }

        if (type == JsonSchemaType.Object || schema.Properties?.Count > 0 || schema.AdditionalProperties is not null || IsObjectSchema(schema))
        {
            if (forRequest)
            {
                return new TypeRef(TypeKind.JsonObject, nullable);
            }

            if (IsObjectSchema(schema))
            {
                var name = Naming.Unique(Identifier(contextName, pointer), _typeNames);
                AddModel(name, schema, pointer);
                return new TypeRef(TypeKind.Model, nullable, name);
            }

            if (schema.AdditionalProperties is { } values && !IsUntyped(values))
            {
                var value = ResolveType(values, contextName + "Value", pointer + "/additionalProperties", forRequest);
                return new TypeRef(TypeKind.Map, nullable, Element: ItemType(value, pointer, forRequest));
            }

            return new TypeRef(TypeKind.JsonObject, nullable);
        }

        var composition = schema.OneOf?.Count > 0 ? "oneOf" : schema.AnyOf?.Count > 0 ? "anyOf" : schema.AllOf?.Count > 0 ? "allOf" : null;
        if (composition is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, composition);
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
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "a list or map of lists or maps in a form, query or header");
            return new TypeRef(TypeKind.JsonValue, Nullable: false);
        }

        return item.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union or TypeKind.JsonObject or TypeKind.JsonValue or TypeKind.Array or TypeKind.Map
            ? item.WithNullable(false)
            : item;
    }

    /// <summary>
    /// Reads an object schema into a draft. With <c>allOf</c>, the first part that refers to a model becomes the base
    /// class; the members of further referenced models and of inline parts become this class's own, with their
    /// <c>required</c> lists united.
    /// </summary>
    private void AddModel(string name, IOpenApiSchema schema, string pointer)
    {
        var draft = new ModelDraft(name, Text(schema.Description ?? schema.Title), pointer);
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
                    Report(DiagnosticDescriptors.UnsupportedSchema, entryPointer, entryPointer, "an allOf part that is not an object");
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
        draft.Description ??= inlineParts.Select(p => Text(p.Schema.Description)).FirstOrDefault(d => d is not null);
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
                    propertyName = UniqueName(Identifier(Naming.Pascal(property.Key), propertyPointer), names, propertyPointer, name, GeneratedNames.ModelMembers);
                    namesByMember[property.Key] = propertyName;
                }

                var propertySchema = property.Value ?? new OpenApiSchema();
                var type = ResolveType(propertySchema, name + propertyName, propertyPointer, forRequest: false);

                // A member the server may leave out is nullable even when the schema does not say so: absent is not zero.
                var nullable = type.Nullable || !required.Contains(property.Key);
                draft.Parts.Add(new ModelPart(null, new PropertySpec(property.Key, propertyName, type.WithNullable(nullable), Describe(propertySchema), propertySchema.Deprecated), propertyPointer));
            }
        }
    }

    /// <summary>
    /// Turns every draft into a <see cref="ModelSpec"/>: inherited members from the base chain, own members with those of
    /// merged parts (the first part to name a member wins; a disagreement is PXG0017), and sealed unless extended.
    /// </summary>
    private void FinishModels()
    {
        var inProgress = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _drafts.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            Finish(name, inProgress);
        }

        var bases = new HashSet<string>(_models.Values.Select(m => m.BaseName).OfType<string>(), StringComparer.Ordinal);
        foreach (var model in _models.Values.ToList())
        {
            _models[model.Name] = model with { IsSealed = !bases.Contains(model.Name) };
        }
    }

    private ModelSpec Finish(string name, HashSet<string> inProgress)
    {
        if (_models.TryGetValue(name, out var done))
        {
            return done;
        }

        var draft = _drafts[name];
        inProgress.Add(name);
        var inherited = new List<PropertySpec>();
        var baseName = draft.BaseName;
        if (baseName is not null)
        {
            if (inProgress.Contains(baseName))
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, draft.Pointer, draft.Pointer, "an allOf that extends itself");
                baseName = null;
            }
            else
            {
                inherited.AddRange(Finish(baseName, inProgress).AllProperties);
            }
        }

        var members = inherited.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        var names = new HashSet<string>(inherited.Select(p => p.Name), StringComparer.Ordinal) { name };
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
                Report(DiagnosticDescriptors.UnsupportedSchema, part.Pointer, part.Pointer, "an allOf that includes itself");
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
                        Report(DiagnosticDescriptors.AllOfConflict, part.Pointer, part.Pointer, property.JsonName, TypeNames(property.Type), TypeNames(earlier.Type));
                    }
                    else if (Specificity(property.Type) > Specificity(earlier.Type) && own.IndexOf(earlier) is var index and >= 0)
                    {
                        var narrowed = earlier with { Type = property.Type.WithNullable(earlier.Type.Nullable && property.Type.Nullable), Description = earlier.Description ?? property.Description };
                        own[index] = narrowed;
                        members[property.JsonName] = narrowed;
                    }

                    continue;
                }

                var unique = property with { Name = UniqueName(property.Name, names, part.Pointer) };
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
    private static string TypeNames(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name!,
        TypeKind.Array => "list of " + TypeNames(type.Element!),
        TypeKind.Map => "map of " + TypeNames(type.Element!),
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>One entry of a model draft, in document order: a member, or every member of another model merged in.</summary>
    private sealed record ModelPart(string? Model, PropertySpec? Property, string Pointer);

    private sealed class ModelDraft(string name, string? description, string pointer)
    {
        public string Name { get; } = name;

        public string? Description { get; set; } = description;

        public string Pointer { get; } = pointer;

        public string? BaseName { get; set; }

        public List<ModelPart> Parts { get; } = new();

        /// <summary>True when this model is <paramref name="other"/> or extends it, directly or not: then it cannot be other's base.</summary>
        public bool Extends(string other, Dictionary<string, ModelDraft> drafts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = (string?)Name; current is not null && seen.Add(current); current = drafts.TryGetValue(current, out var d) ? d.BaseName : null)
            {
                if (current == other)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void AddEnum(string name, IOpenApiSchema schema, string pointer)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (var value in schema.Enum!.Where(v => !IsNull(v)).Select(v => EnumText(v, schema)!).Distinct(StringComparer.Ordinal))
        {
            members.Add(new EnumMemberSpec(UniqueName(Naming.Shorten(Naming.Pascal(value)), names, pointer + "/enum", name, GeneratedNames.EnumMembers), value));
        }

        _enums[name] = new EnumSpec(name, Text(schema.Description), members.ToEquatableArray());
        _typePointers[name] = pointer;
    }

    /// <summary>A member may not share its type's name (CS0542) nor a name its kind of type declares (<paramref name="reserved"/>).</summary>
    private static string SafeMemberName(string name, string typeName, IReadOnlyCollection<string>? reserved) =>
        name == typeName || reserved?.Contains(name) == true ? name + "Value" : name;

    private static TypeKind StringKind(string? format) => format switch
    {
        "date-time" => TypeKind.DateTimeOffset,
        "date" => TypeKind.DateOnly,
        "uri" => TypeKind.Uri,
        _ => TypeKind.String,
    };

    /// <summary>
    /// The schema's type without <c>null</c> (OpenAPI 3.0's <c>nullable: true</c> and 3.1's <c>type: [string, 'null']</c>
    /// both arrive as a <see cref="JsonSchemaType.Null"/> flag): null when the schema names no type, 0 when only null.
    /// </summary>
    private JsonSchemaType? TypeOf(IOpenApiSchema schema) => Shape(schema).Type & ~JsonSchemaType.Null;

    private bool IsNullable(IOpenApiSchema schema) => (Shape(schema).Type & JsonSchemaType.Null) == JsonSchemaType.Null;

    /// <summary>
    /// The schema to read a shape from (type, format, properties, items, allOf, enum): a reference's target, looked up
    /// once per reference. OpenAPI.NET resolves a reference again, parsing its URI, on every property read, which made
    /// a third of what a generator run allocated beyond the parse. Words (description, title, deprecated) are still
    /// read from the reference, where OpenAPI 3.1 lets them override the target's. An unresolved reference is itself.
    /// </summary>
    private IOpenApiSchema Shape(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return schema;
        }

        if (!_targets.TryGetValue(reference, out var target))
        {
            target = Component(reference.Reference, ReferenceType.Schema, _document?.Components?.Schemas) as OpenApiSchema ?? reference.Target;
            _targets[reference] = target;
        }

        return target ?? schema;
    }

    private readonly Dictionary<IOpenApiSchema, IOpenApiSchema?> _targets = new(IdentityComparer<IOpenApiSchema>.Instance);

    /// <summary>
    /// The component a local reference names, looked up by name where OpenAPI.NET would find it too; null for any other
    /// kind (a pointer into paths, an external file), which is left to OpenAPI.NET. A component that is itself a
    /// reference is returned as it is: callers take only a definition (<c>OpenApiSchema</c>, <c>OpenApiParameter</c>).
    /// </summary>
    private static T? Component<T>(BaseOpenApiReference reference, ReferenceType type, IDictionary<string, T>? components)
        where T : class =>
        reference is { IsExternal: false, Id: { } id } && reference.Type == type && id.IndexOf('/') < 0 && components is not null && components.TryGetValue(id, out var component)
            ? component
            : null;

    /// <summary>A schema's description: a reference's own (OpenAPI 3.1 lets it override its target's), else its target's.</summary>
    private string? DescriptionOf(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Description: { Length: > 0 } own } ? own : Shape(schema).Description;

    /// <summary>A schema's title, the same way as <see cref="DescriptionOf(IOpenApiSchema)"/>.</summary>
    private string? TitleOf(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Title: { Length: > 0 } own } ? own : Shape(schema).Title;

    /// <summary>Whether a schema is deprecated: a reference's own word, else its target's.</summary>
    private bool IsDeprecated(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Deprecated ?? Shape(schema).Deprecated : schema.Deprecated;

    /// <summary>
    /// An object with members: properties of its own, or an <c>allOf</c> whose parts are all objects (a referenced
    /// object, an inline object, or a part that only adds constraints such as <c>required</c>). Answers are kept per
    /// schema, and a schema met again while it is being decided counts as no object, so cycles and wide documents
    /// cost one visit per schema.
    /// </summary>
    private bool IsObjectSchema(IOpenApiSchema schema)
    {
        var target = Shape(schema);
        if (target is OpenApiSchemaReference)
        {
            return false;
        }

        if (_objectSchemas.TryGetValue(target, out var known))
        {
            return known;
        }

        _objectSchemas[target] = false;
        var result = TypeOf(target) is null or JsonSchemaType.Object
            && (target.Properties?.Count > 0
                || (target.AllOf is { Count: > 0 } parts
                    && (parts.Count > 1 || parts[0] is not OpenApiSchemaReference)
                    && parts.All(IsObjectPart)
                    && parts.Any(IsObjectSchema)));
        _objectSchemas[target] = result;
        return result;
    }

    private bool IsObjectPart(IOpenApiSchema part) =>
        IsObjectSchema(part)
        || (part is not OpenApiSchemaReference && TypeOf(part) is null or JsonSchemaType.Object
            && part.Items is null && !(part.Enum?.Count > 0) && !(part.OneOf?.Count > 0) && !(part.AnyOf?.Count > 0) && part.AdditionalProperties is null);

    private readonly Dictionary<IOpenApiSchema, bool> _objectSchemas = new(IdentityComparer<IOpenApiSchema>.Instance);

    /// <summary>
    /// Compares by identity: OpenAPI.NET's objects are mutable and have no value equality to rely on, and a model's
    /// value equality walks all its members.
    /// </summary>
    private sealed class IdentityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly IdentityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private bool IsStringEnum(IOpenApiSchema schema)
    {
        var shape = Shape(schema);
        return TypeOf(shape) is null or JsonSchemaType.String
            && shape.Enum?.Count > 0
            && shape.Enum.All(v => IsNull(v) || EnumText(v, shape) is not null)
            && shape.Enum.Any(v => !IsNull(v));
    }

    /// <summary>OpenAPI.NET keeps a <c>null</c> enum value as a sentinel string.</summary>
    private static bool IsNull(JsonNode? value) =>
        value is null || (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>() == JsonNullSentinel.JsonNull.GetValue<string>());

    /// <summary>
    /// An enum value's wire text. OpenAPI.NET reads YAML scalars by their look (<c>1</c>, <c>true</c>), so in a schema
    /// typed <c>string</c> those are the strings they spell; any other value is not a string member.
    /// </summary>
    private string? EnumText(JsonNode? value, IOpenApiSchema schema)
    {
        if (value is not JsonValue scalar || IsNull(value))
        {
            return null;
        }

        if (scalar.GetValueKind() == JsonValueKind.String)
        {
            return scalar.GetValue<string>();
        }

        return TypeOf(schema) == JsonSchemaType.String && scalar.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? scalar.ToJsonString()
            : null;
    }

    private bool IsUntyped(IOpenApiSchema schema)
    {
        var shape = Shape(schema);
        return TypeOf(shape) is null or 0 && !(shape.Properties?.Count > 0) && !(shape.Enum?.Count > 0) && shape.Items is null;
    }

    /// <summary>
    /// The one real part of an <c>allOf</c> that only wraps a schema to say something about it
    /// (<c>allOf: [{$ref: X}]</c>, or <c>[{$ref: X}, {description: …}]</c>): the member is simply an X.
    /// </summary>
    private IOpenApiSchema? AnnotatedReference(IOpenApiSchema schema)
    {
        schema = Shape(schema);
        if (schema.AllOf is not { Count: > 0 } parts || !IsUntyped(schema) || schema.OneOf?.Count > 0 || schema.AnyOf?.Count > 0)
        {
            return null;
        }

        var real = parts.Where(part => part is null || !IsAnnotationOnly(part)).ToList();
        return real.Count == 1 ? real[0] : null;
    }

    /// <summary>A schema that only documents (description, title, example, nullable, readOnly): it adds no members and no type.</summary>
    private static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && (schema.Type & ~JsonSchemaType.Null) is null or 0
        && !(schema.Properties?.Count > 0) && schema.Items is null && schema.AdditionalProperties is null
        && !(schema.AllOf?.Count > 0) && !(schema.OneOf?.Count > 0) && !(schema.AnyOf?.Count > 0)
        && !(schema.Enum?.Count > 0) && schema.Const is null;

    /// <summary>The X of <c>[X, {type: 'null'}]</c> in either order; null for any other list.</summary>
    private static IOpenApiSchema? NullableAlternative(IList<IOpenApiSchema>? alternatives)
    {
        if (alternatives is not { Count: 2 })
        {
            return null;
        }

        var (first, second) = (alternatives[0], alternatives[1]);
        return IsNullOnly(first) && !IsNullOnly(second) ? second : IsNullOnly(second) && !IsNullOnly(first) ? first : null;
    }

    private static bool IsNullOnly(IOpenApiSchema? schema) =>
        schema is not null and not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null
        && !(schema.Properties?.Count > 0) && schema.Items is null && schema.AllOf is null or { Count: 0 };

    /// <summary>A JSON Schema keyword OpenAPI.NET keeps only as raw JSON (2020-12's <c>prefixItems</c>, for one).</summary>
    private bool HasKeyword(IOpenApiSchema schema, string keyword) => Shape(schema).UnrecognizedKeywords?.ContainsKey(keyword) == true;

    /// <summary>A member's documentation: its description (or title), and the one value it may have when it is a <c>const</c>.</summary>
    private string? Describe(IOpenApiSchema schema)
    {
        // A wrapper's words may sit in its annotation part: allOf: [{$ref: X}, {description: …}]. A reference's own
        // words (OpenAPI 3.1) override its target's, so they are read from the reference.
        var shape = Shape(schema);
        var text = Text(DescriptionOf(schema) ?? TitleOf(schema))
            ?? (AnnotatedReference(schema) is not null ? shape.AllOf!.Where(IsAnnotationOnly).Select(p => Text(p.Description)).FirstOrDefault(d => d is not null) : null);
        if (shape.Const is not { } constant)
        {
            return text;
        }

        var always = "Always \"" + constant + "\".";
        return text is null ? always : text + (text.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + always;
    }
}
