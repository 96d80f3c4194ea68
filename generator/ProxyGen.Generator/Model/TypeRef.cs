namespace ProxyGen.Generator.Model;

/// <summary>The kinds of C# type a schema can become.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    /// <summary><c>type: number, format: float</c>: a <c>float</c>.</summary>
    Float,
    Decimal,
    /// <summary><c>type: string, format: int32</c>: an <c>int</c> written as a JSON string.</summary>
    Int32AsString,
    /// <summary><c>type: string, format: int64</c>: a <c>long</c> written as a JSON string.</summary>
    Int64AsString,
    /// <summary><c>type: string, format: double</c> (or <c>float</c>): a <c>double</c> written as a JSON string.</summary>
    DoubleAsString,
    /// <summary><c>type: string, format: decimal</c>: an exact <c>decimal</c> written as a JSON string.</summary>
    DecimalAsString,
    DateTimeOffset,
    /// <summary><c>format: date-time-rfc-2822</c> (Twilio): a <c>DateTimeOffset</c> written as <c>Thu, 30 Jul 2015 20:00:00 +0000</c>.</summary>
    DateTimeRfc2822,
    /// <summary><c>format: unix-time</c>: a <c>DateTimeOffset</c> written as seconds since the Unix epoch.</summary>
    UnixTime,
    DateOnly,
    /// <summary><c>format: time</c>: a <c>TimeOnly</c> written as an RFC 3339 partial-time.</summary>
    TimeOnly,
    /// <summary><c>format: duration</c>: a <c>TimeSpan</c> written in ISO 8601 (<c>PT1H30M</c>).</summary>
    Duration,
    /// <summary><c>format: uuid</c>: a <c>Guid</c>.</summary>
    Guid,
    /// <summary><c>format: byte</c> (base64): a <c>byte[]</c>.</summary>
    Bytes,
    Uri,
    /// <summary>A generated class (<see cref="TypeRef.Name"/>).</summary>
    Model,
    /// <summary>A generated open enum struct (<see cref="TypeRef.Name"/>).</summary>
    Enum,
    /// <summary><c>format: http-method</c>: the runtime's open <c>HttpMethodName</c> (<c>GET</c>, <c>POST</c> …).</summary>
    HttpMethod,
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
