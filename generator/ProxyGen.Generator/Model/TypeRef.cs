namespace ProxyGen.Generator.Model;

/// <summary>The kinds of C# type a schema can become.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    DateTimeOffset,
    DateOnly,
    Uri,
    /// <summary>A generated class (<see cref="TypeRef.Name"/>).</summary>
    Model,
    /// <summary>A generated open enum struct (<see cref="TypeRef.Name"/>).</summary>
    Enum,
    /// <summary>A generated oneOf/anyOf class (<see cref="TypeRef.Name"/>).</summary>
    Union,
    /// <summary>A list of <see cref="TypeRef.Element"/>.</summary>
    Array,
    /// <summary>A string-keyed map of <see cref="TypeRef.Element"/>.</summary>
    Map,
    /// <summary>A free-form JSON object (<c>JsonObject</c>).</summary>
    JsonObject,
    /// <summary>Any JSON value the spec does not describe precisely (<c>JsonElement</c>).</summary>
    JsonValue,
    /// <summary>Bytes sent or received as they are: a binary body (<c>Stream</c>).</summary>
    Stream,
    /// <summary>A file in a multipart body (the runtime's <c>FileContent</c>).</summary>
    File,
}

/// <summary>A resolved C# type.</summary>
/// <param name="Name">The generated type's name for <see cref="TypeKind.Model"/> and <see cref="TypeKind.Enum"/>.</param>
/// <param name="Element">The element type of an array or map.</param>
internal sealed record TypeRef(TypeKind Kind, bool Nullable, string? Name = null, TypeRef? Element = null)
{
    public TypeRef WithNullable(bool nullable) => nullable == Nullable ? this : this with { Nullable = nullable };

    /// <summary>One value with a text form of its own (a string, number, date, enum …): not a list, object, raw JSON, file or stream.</summary>
    public bool IsScalar => Kind is not (TypeKind.Array or TypeKind.Map or TypeKind.Model or TypeKind.Union
        or TypeKind.JsonObject or TypeKind.JsonValue or TypeKind.Stream or TypeKind.File);
}
