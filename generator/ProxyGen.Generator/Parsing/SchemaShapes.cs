using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// How to read one OpenAPI.NET schema of a document: its target when it is a reference, its type without <c>null</c>,
/// what kind of C# type it can become, its words. Answers that cost a walk are kept per schema; nothing else changes.
/// </summary>
internal sealed class SchemaShapes(OpenApiDocument document)
{
    private readonly Dictionary<IOpenApiSchema, IOpenApiSchema?> _targets = new(IdentityComparer<IOpenApiSchema>.Instance);
    private readonly Dictionary<IOpenApiSchema, bool> _objectSchemas = new(IdentityComparer<IOpenApiSchema>.Instance);

    public OpenApiDocument Document { get; } = document;

    /// <summary>
    /// The schema to read a shape from (type, format, properties, items, allOf, enum): a reference's target, looked up
    /// once per reference. OpenAPI.NET resolves a reference again, parsing its URI, on every property read. Words
    /// (description, title, deprecated) are still read from the reference, where OpenAPI 3.1 lets them override the
    /// target's. An unresolved reference is itself.
    /// </summary>
    public IOpenApiSchema Shape(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return schema;
        }

        if (!_targets.TryGetValue(reference, out var target))
        {
            target = Component(reference.Reference, ReferenceType.Schema, Document.Components?.Schemas) as OpenApiSchema ?? reference.Target;
            _targets[reference] = target;
        }

        return target ?? schema;
    }

    /// <summary>
    /// The component a local reference names, looked up by name where OpenAPI.NET would find it too; null for any other
    /// kind (a pointer into paths, an external file), which is left to OpenAPI.NET. A component that is itself a
    /// reference is returned as it is: callers take only a definition (<c>OpenApiSchema</c>, <c>OpenApiParameter</c>).
    /// </summary>
    public static T? Component<T>(BaseOpenApiReference reference, ReferenceType type, IDictionary<string, T>? components)
        where T : class =>
        reference is { IsExternal: false, Id: { } id } && reference.Type == type && id.IndexOf('/') < 0 && components is not null && components.TryGetValue(id, out var component)
            ? component
            : null;

    /// <summary>
    /// The schema's type without <c>null</c> (OpenAPI 3.0's <c>nullable: true</c> and 3.1's <c>type: [string, 'null']</c>
    /// both arrive as a <see cref="JsonSchemaType.Null"/> flag): null when the schema names no type, 0 when only null.
    /// </summary>
    public JsonSchemaType? TypeOf(IOpenApiSchema schema) => Shape(schema).Type & ~JsonSchemaType.Null;

    public bool IsNullable(IOpenApiSchema schema) => (Shape(schema).Type & JsonSchemaType.Null) == JsonSchemaType.Null;

    /// <summary>A schema's description: a reference's own (OpenAPI 3.1 lets it override its target's), else its target's.</summary>
    public string? DescriptionOf(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Description: { Length: > 0 } own } ? own : Shape(schema).Description;

    /// <summary>A schema's title, the same way as <see cref="DescriptionOf(IOpenApiSchema)"/>.</summary>
    public string? TitleOf(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Title: { Length: > 0 } own } ? own : Shape(schema).Title;

    /// <summary>Whether a schema is deprecated: a reference's own word, else its target's.</summary>
    public bool IsDeprecated(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Deprecated ?? Shape(schema).Deprecated : schema.Deprecated;

    /// <summary>
    /// An object with members: properties of its own, or an <c>allOf</c> whose parts are all objects (a referenced
    /// object, an inline object, or a part that only adds constraints such as <c>required</c>). Answers are kept per
    /// schema, and a schema met again while it is being decided counts as no object, so cycles and wide documents
    /// cost one visit per schema.
    /// </summary>
    public bool IsObjectSchema(IOpenApiSchema schema)
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

    /// <summary>A <c>oneOf</c> or <c>anyOf</c> with no members of its own: the alternatives are the whole story.</summary>
    public bool IsUnionSchema(IOpenApiSchema schema)
    {
        schema = Shape(schema);
        return (schema.OneOf?.Count > 0 || schema.AnyOf?.Count > 0)
            && TypeOf(schema) is null or JsonSchemaType.Object
            && !(schema.Properties?.Count > 0)
            && !(schema.AllOf?.Count > 0)
            && (NullableAlternative(schema.OneOf) ?? NullableAlternative(schema.AnyOf)) is null;
    }

    public bool IsStringEnum(IOpenApiSchema schema)
    {
        var shape = Shape(schema);
        return TypeOf(shape) is null or JsonSchemaType.String
            && shape.Enum?.Count > 0
            && shape.Enum.All(v => IsNull(v) || EnumText(v, shape) is not null)
            && shape.Enum.Any(v => !IsNull(v));
    }

    /// <summary>
    /// <c>format: http-method</c> whose values (if listed) are all HTTP methods (Twilio's <c>*_method</c> members): the
    /// runtime's one open <c>HttpMethodName</c>, not a generated enum per member that would each say <c>GET</c> or <c>POST</c>.
    /// </summary>
    public bool IsHttpMethod(IOpenApiSchema schema)
    {
        var shape = Shape(schema);
        return TypeOf(shape) is null or JsonSchemaType.String
            && shape.Format == "http-method"
            && (shape.Enum is null || shape.Enum.All(v => IsNull(v) || EnumText(v, shape) is "GET" or "HEAD" or "POST" or "PUT" or "DELETE" or "CONNECT" or "OPTIONS" or "TRACE" or "PATCH"));
    }

    /// <summary>OpenAPI.NET keeps a <c>null</c> enum value as a sentinel string.</summary>
    public static bool IsNull(JsonNode? value) =>
        value is null || (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String && scalar.GetValue<string>() == JsonNullSentinel.JsonNull.GetValue<string>());

    /// <summary>
    /// An enum value's wire text. OpenAPI.NET reads YAML scalars by their look (<c>1</c>, <c>true</c>), so in a schema
    /// typed <c>string</c> those are the strings they spell; any other value is not a string member.
    /// </summary>
    public string? EnumText(JsonNode? value, IOpenApiSchema schema)
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

    public bool IsUntyped(IOpenApiSchema schema)
    {
        var shape = Shape(schema);
        return TypeOf(shape) is null or 0 && !(shape.Properties?.Count > 0) && !(shape.Enum?.Count > 0) && shape.Items is null;
    }

    /// <summary>
    /// The one real part of an <c>allOf</c> that only wraps a schema to say something about it
    /// (<c>allOf: [{$ref: X}]</c>, or <c>[{$ref: X}, {description: …}]</c>): the member is simply an X.
    /// </summary>
    public IOpenApiSchema? AnnotatedReference(IOpenApiSchema schema)
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
    public static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && (schema.Type & ~JsonSchemaType.Null) is null or 0
        && !(schema.Properties?.Count > 0) && schema.Items is null && schema.AdditionalProperties is null
        && !(schema.AllOf?.Count > 0) && !(schema.OneOf?.Count > 0) && !(schema.AnyOf?.Count > 0)
        && !(schema.Enum?.Count > 0) && schema.Const is null;

    /// <summary>The X of <c>[X, {type: 'null'}]</c> in either order; null for any other list.</summary>
    public static IOpenApiSchema? NullableAlternative(IList<IOpenApiSchema>? alternatives)
    {
        if (alternatives is not { Count: 2 })
        {
            return null;
        }

        var (first, second) = (alternatives[0], alternatives[1]);
        return IsNullOnly(first) && !IsNullOnly(second) ? second : IsNullOnly(second) && !IsNullOnly(first) ? first : null;
    }

    public static bool IsNullOnly(IOpenApiSchema? schema) =>
        schema is not null and not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null
        && !(schema.Properties?.Count > 0) && schema.Items is null && schema.AllOf is null or { Count: 0 };

    /// <summary>A JSON Schema keyword OpenAPI.NET keeps only as raw JSON (2020-12's <c>prefixItems</c>, for one).</summary>
    public bool HasKeyword(IOpenApiSchema schema, string keyword) => Shape(schema).UnrecognizedKeywords?.ContainsKey(keyword) == true;

    /// <summary><c>type: string, format: binary</c> (or OpenAPI 3.1's <c>contentMediaType</c> on a string): a file.</summary>
    public bool IsBinary(IOpenApiSchema schema) =>
        TypeOf(schema) == JsonSchemaType.String && (Shape(schema).Format == "binary" || HasKeyword(schema, "contentMediaType"));

    /// <summary>A member's documentation: its description (or title), and the one value it may have when it is a <c>const</c>.</summary>
    public string? Describe(IOpenApiSchema schema)
    {
        // A wrapper's words may sit in its annotation part: allOf: [{$ref: X}, {description: …}]. A reference's own
        // words (OpenAPI 3.1) override its target's, so they are read from the reference.
        var shape = Shape(schema);
        var text = SpecText.Trim(DescriptionOf(schema) ?? TitleOf(schema))
            ?? (AnnotatedReference(schema) is not null ? shape.AllOf!.Where(IsAnnotationOnly).Select(p => SpecText.Trim(p.Description)).FirstOrDefault(d => d is not null) : null);
        if (shape.Const is not { } constant)
        {
            return text;
        }

        var always = "Always \"" + constant + "\".";
        return text is null ? always : text + (text.EndsWith(".", StringComparison.Ordinal) ? " " : ". ") + always;
    }

    /// <summary>
    /// Compares by identity: OpenAPI.NET's objects are mutable and have no value equality to rely on, and a model's
    /// value equality walks all its members.
    /// </summary>
    internal sealed class IdentityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly IdentityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
