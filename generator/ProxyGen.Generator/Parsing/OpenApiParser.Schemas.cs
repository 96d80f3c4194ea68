using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    /// <summary>Member names a generated model already uses for itself.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "ReadJson", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Value", "IsKnown",
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
    private TypeRef ResolveType(OpenApiSchema schema, string contextName, string pointer, bool forRequest)
    {
        if (schema.Reference is { IsExternal: false, Id: { } id } && _componentNames.ContainsKey(id))
        {
            var component = ResolveComponent(id, schema);
            if (forRequest && component.Kind is TypeKind.Model or TypeKind.Map)
            {
                return new TypeRef(TypeKind.JsonObject, schema.Nullable);
            }

            return component.WithNullable(schema.Nullable);
        }

        return ResolveInline(schema, contextName, pointer, forRequest);
    }

    private TypeRef ResolveComponent(string id, OpenApiSchema schema)
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

    private TypeRef ResolveInline(OpenApiSchema schema, string contextName, string pointer, bool forRequest)
    {
        var nullable = schema.Nullable;
        if (schema.AllOf is { Count: 1 } && IsUntyped(schema))
        {
            return ResolveType(schema.AllOf[0], contextName, pointer, forRequest).WithNullable(nullable);
        }

        if (IsStringEnum(schema))
        {
            var name = Naming.Unique(Identifier(contextName, pointer), _typeNames);
            AddEnum(name, schema);
            return new TypeRef(TypeKind.Enum, nullable, name);
        }

        switch (schema.Type)
        {
            case "string":
                return new TypeRef(StringKind(schema.Format), nullable);
            case "integer":
                return new TypeRef(schema.Format == "int64" ? TypeKind.Int64 : TypeKind.Int32, nullable);
            case "number":
                return new TypeRef(schema.Format == "decimal" ? TypeKind.Decimal : TypeKind.Double, nullable);
            case "boolean":
                return new TypeRef(TypeKind.Boolean, nullable);
            case "array":
                var item = schema.Items is null
                    ? new TypeRef(TypeKind.JsonValue, Nullable: false)
                    : ResolveType(schema.Items, contextName + "Item", pointer + "/items", forRequest);
                return new TypeRef(TypeKind.Array, nullable, Element: ItemType(item, pointer));
        }

        if (schema.Type == "object" || schema.Properties?.Count > 0 || schema.AdditionalProperties is not null)
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
                return new TypeRef(TypeKind.Map, nullable, Element: ItemType(value, pointer));
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
    /// Items of lists and maps are read with non-null item readers; only primitives may be null items,
    /// and lists of lists are kept as raw JSON.
    /// </summary>
    private TypeRef ItemType(TypeRef item, string pointer)
    {
        if (item.Kind is TypeKind.Array or TypeKind.Map)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer, pointer, "a list or map of lists or maps");
            return new TypeRef(TypeKind.JsonValue, Nullable: false);
        }

        return item.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.JsonObject or TypeKind.JsonValue ? item.WithNullable(false) : item;
    }

    private void AddModel(string name, OpenApiSchema schema, string pointer)
    {
        var required = schema.Required ?? new HashSet<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PropertySpec>();
        foreach (var property in schema.Properties ?? new Dictionary<string, OpenApiSchema>())
        {
            var propertyPointer = pointer + "/properties/" + YamlPositionIndex.Escape(property.Key);
            var propertyName = Naming.Unique(SafeMemberName(Identifier(Naming.Pascal(property.Key), propertyPointer), name), names);
            var propertySchema = property.Value ?? new OpenApiSchema();
            var type = ResolveType(propertySchema, name + propertyName, propertyPointer, forRequest: false);

            // A member the server may leave out is nullable even when the schema does not say so: absent is not zero.
            var nullable = type.Nullable || !required.Contains(property.Key);
            properties.Add(new PropertySpec(property.Key, propertyName, type.WithNullable(nullable), Text(propertySchema.Description ?? propertySchema.Title)));
        }

        _models[name] = new ModelSpec(name, Text(schema.Description ?? schema.Title), properties.ToEquatableArray());
    }

    private void AddEnum(string name, OpenApiSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        foreach (var value in schema.Enum.OfType<OpenApiString>().Select(s => s.Value).Distinct(StringComparer.Ordinal))
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

    private static bool IsObjectWithProperties(OpenApiSchema schema) =>
        (schema.Type is null or "object") && schema.Properties?.Count > 0;

    private static bool IsStringEnum(OpenApiSchema schema) =>
        schema.Type is null or "string" && schema.Enum?.Count > 0 && schema.Enum.All(v => v is OpenApiString);

    private static bool IsUntyped(OpenApiSchema schema) =>
        schema.Type is null && !(schema.Properties?.Count > 0) && !(schema.Enum?.Count > 0) && schema.Items is null;
}
