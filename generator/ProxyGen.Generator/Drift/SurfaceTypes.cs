using System;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>
/// How an API baseline spells a C# type: the type the generated code declares, fully qualified without <c>global::</c>
/// (<c>System.Collections.Generic.IReadOnlyList&lt;ShortCode&gt;?</c>). Drift's own spelling, so that how an emitter
/// formats code never changes what counts as an API change.
/// </summary>
internal static class SurfaceTypes
{
    public static string Of(TypeRef type) => NonNullable(type) + (type.Nullable ? "?" : string.Empty);

    private static string NonNullable(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset => "System.DateTimeOffset",
        TypeKind.DateOnly => "System.DateOnly",
        TypeKind.Uri => "System.Uri",
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Array => $"System.Collections.Generic.IReadOnlyList<{Of(type.Element!)}>",
        TypeKind.Map => $"System.Collections.Generic.IReadOnlyDictionary<string, {Of(type.Element!)}>",
        TypeKind.JsonObject => "System.Text.Json.Nodes.JsonObject",
        TypeKind.JsonValue => "System.Text.Json.JsonElement",
        TypeKind.Stream => "System.IO.Stream",
        TypeKind.File => "ProxyGen.Runtime.FileContent",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown type kind."),
    };

    /// <summary>A type text from a baseline made safe to compile again: every BCL and runtime name qualified with <c>global::</c>.</summary>
    public static string Compilable(string typeText) =>
        System.Text.RegularExpressions.Regex.Replace(typeText, @"(?<![\w.:])(System|ProxyGen\.Runtime)\.", "global::$1.");
}
