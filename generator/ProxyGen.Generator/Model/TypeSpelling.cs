using System;

namespace ProxyGen.Generator.Model;

/// <summary>
/// The C# type a <see cref="TypeRef"/> is, spelled once for both its readers: generated code qualifies BCL and runtime
/// types with <c>global::</c> (so a spec type named <c>Task</c> or <c>Uri</c> cannot capture them); an API baseline
/// writes them without it.
/// </summary>
internal static class TypeSpelling
{
    /// <param name="global">What qualifies a BCL or runtime type: <c>global::</c> in code, nothing in a baseline.</param>
    public static string Of(TypeRef type, string global) => NonNullable(type, global) + (type.Nullable ? "?" : string.Empty);

    public static string NonNullable(TypeRef type, string global) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 or TypeKind.Int32AsString => "int",
        TypeKind.Int64 or TypeKind.Int64AsString => "long",
        TypeKind.Double or TypeKind.DoubleAsString => "double",
        TypeKind.Float => "float",
        TypeKind.Decimal or TypeKind.DecimalAsString => "decimal",
        TypeKind.DateTimeOffset or TypeKind.DateTimeRfc2822 or TypeKind.UnixTime => global + "System.DateTimeOffset",
        TypeKind.DateOnly => global + "System.DateOnly",
        TypeKind.TimeOnly => global + "System.TimeOnly",
        TypeKind.Duration => global + "System.TimeSpan",
        TypeKind.Guid => global + "System.Guid",
        TypeKind.Bytes => "byte[]",
        TypeKind.Uri => global + "System.Uri",
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Array => $"{global}System.Collections.Generic.IReadOnlyList<{Of(type.Element!, global)}>",
        TypeKind.Map => $"{global}System.Collections.Generic.IReadOnlyDictionary<string, {Of(type.Element!, global)}>",
        TypeKind.JsonObject => global + "System.Text.Json.Nodes.JsonObject",
        TypeKind.JsonValue => global + "System.Text.Json.JsonElement",
        TypeKind.Stream => global + "System.IO.Stream",
        TypeKind.File => global + "ProxyGen.Runtime.FileContent",
        TypeKind.HttpMethod => global + "ProxyGen.Runtime.HttpMethodName",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };
}
