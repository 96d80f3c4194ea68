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
    /// <summary>Member names a generated model already uses for itself.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "ReadJson", "WriteJson", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Value", "IsKnown",
    };

    private readonly Dictionary<string, ModelSpec> _models = new(StringComparer.Ordinal);
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
            var component = ResolveComponent(id, reference.Target ?? new OpenApiSchema());
            if (forRequest && component.Kind is TypeKind.Model or TypeKind.Map)
            {
                return new TypeRef(TypeKind.JsonObject, IsNullable(schema));
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
        if (IsObjectWithProperties(schema))
        {
            // Registered before the properties are read, so a schema that refers to itself resolves.
            resolved = new TypeRef(TypeKind.Model, Nullable: false, name);
            _resolvedComponents[id] = resolved;
            AddModel(name, schema, pointer);
            return resolved;
        }

        if (IsStringEnum(schema))
        {
            resolved = new TypeRef(TypeKind.Enum, Nullable: false, name);
            _resolvedComponents[id] = resolved;
            AddEnum(name, schema);
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
        if (schema.AllOf is { Count: 1 } && IsUntyped(schema))
        {
            return ResolveType(schema.AllOf[0], contextName, pointer, forRequest).WithNullable(nullable);
        }

        // OpenAPI 3.1 spells a nullable reference `anyOf: [{$ref: X}, {type: 'null'}]` (or oneOf).
        if (IsUntyped(schema) && (NullableAlternative(schema.AnyOf) ?? NullableAlternative(schema.OneOf)) is { } alternative)
        {
            return ResolveType(alternative, contextName, pointer, forRequest).WithNullable(true);
        }

        if (IsStringEnum(schema))
        {
            var name = Naming.Unique(Identifier(contextName, pointer), _typeNames);
            AddEnum(name, schema);
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

        if (type == JsonSchemaType.Object || schema.Properties?.Count > 0 || schema.AdditionalProperties is not null)
        {
            if (forRequest)
            {
                return new TypeRef(TypeKind.JsonObject, nullable);
            }

            if (IsObjectWithProperties(schema))
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

        return item.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.JsonObject or TypeKind.JsonValue or TypeKind.Array or TypeKind.Map
            ? item.WithNullable(false)
            : item;
    }

    private void AddModel(string name, IOpenApiSchema schema, string pointer)
    {
        var required = schema.Required ?? new HashSet<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertySpec>();
        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var propertyPointer = pointer + "/properties/" + YamlPositionIndex.Escape(property.Key);
            var propertyName = Naming.Unique(SafeMemberName(Identifier(Naming.Pascal(property.Key), propertyPointer), name), names);
            var propertySchema = property.Value ?? new OpenApiSchema();
            var type = ResolveType(propertySchema, name + propertyName, propertyPointer, forRequest: false);

            // A member the server may leave out is nullable even when the schema does not say so: absent is not zero.
            var nullable = type.Nullable || !required.Contains(property.Key);
            properties.Add(new PropertySpec(property.Key, propertyName, type.WithNullable(nullable), Describe(propertySchema)));
        }

        _models[name] = new ModelSpec(name, Text(schema.Description ?? schema.Title), properties.ToEquatableArray());
    }

    private void AddEnum(string name, IOpenApiSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (var value in schema.Enum!.Where(v => !IsNull(v)).Select(v => EnumText(v, schema)!).Distinct(StringComparer.Ordinal))
        {
            members.Add(new EnumMemberSpec(Naming.Unique(SafeMemberName(Naming.Shorten(Naming.Pascal(value)), name), names), value));
        }

        _enums[name] = new EnumSpec(name, Text(schema.Description), members.ToEquatableArray());
    }

    /// <summary>A member may not share its type's name (CS0542) nor a name the emitters use.</summary>
    private static string SafeMemberName(string name, string typeName) =>
        name == typeName || ReservedMemberNames.Contains(name) ? name + "Value" : name;

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
    private static JsonSchemaType? TypeOf(IOpenApiSchema schema) => schema.Type & ~JsonSchemaType.Null;

    private static bool IsNullable(IOpenApiSchema schema) => (schema.Type & JsonSchemaType.Null) == JsonSchemaType.Null;

    private static bool IsObjectWithProperties(IOpenApiSchema schema) =>
        TypeOf(schema) is null or JsonSchemaType.Object && schema.Properties?.Count > 0;

    /// <summary>
    /// Every value a string (a <c>null</c> among them, as in a nullable enum, is the absence of a member, not one),
    /// and at least one of them.
    /// </summary>
    private static bool IsStringEnum(IOpenApiSchema schema) =>
        TypeOf(schema) is null or JsonSchemaType.String
        && schema.Enum?.Count > 0
        && schema.Enum.All(v => IsNull(v) || EnumText(v, schema) is not null)
        && schema.Enum.Any(v => !IsNull(v));

    /// <summary>OpenAPI.NET keeps a <c>null</c> enum value as a sentinel string.</summary>
    private static bool IsNull(JsonNode? value) =>
        value is null || (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>() == JsonNullSentinel.JsonNull.GetValue<string>());

    /// <summary>
    /// An enum value's wire text. OpenAPI.NET reads YAML scalars by their look (<c>1</c>, <c>true</c>), so in a schema
    /// typed <c>string</c> those are the strings they spell; any other value is not a string member.
    /// </summary>
    private static string? EnumText(JsonNode? value, IOpenApiSchema schema)
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

    private static bool IsUntyped(IOpenApiSchema schema) =>
        TypeOf(schema) is null or 0 && !(schema.Properties?.Count > 0) && !(schema.Enum?.Count > 0) && schema.Items is null;

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
    private static bool HasKeyword(IOpenApiSchema schema, string keyword) => schema.UnrecognizedKeywords?.ContainsKey(keyword) == true;

    /// <summary>A member's documentation: its description (or title), and the one value it may have when it is a <c>const</c>.</summary>
    private static string? Describe(IOpenApiSchema schema)
    {
        var text = Text(schema.Description ?? schema.Title);
        if (schema.Const is not { } constant)
        {
            return text;
        }

        var always = "Always \"" + constant + "\".";
        return text is null ? always : text + (text.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + always;
    }
}
