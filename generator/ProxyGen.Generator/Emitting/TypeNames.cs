using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// C# spellings of types and of the runtime calls that read them. BCL and runtime types are written with
/// <c>global::</c> so that a spec type named <c>Task</c> or <c>Uri</c> cannot capture them.
/// </summary>
internal static class TypeNames
{
    public const string Runtime = "global::ProxyGen.Runtime";
    public const string JsonRead = Runtime + ".JsonRead";
    public const string JsonWrite = Runtime + ".JsonWrite";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string JsonElement = "global::System.Text.Json.JsonElement";

    public static string Of(TypeRef type) => TypeSpelling.Of(type, "global::");

    public static string NonNullable(TypeRef type) => TypeSpelling.NonNullable(type, "global::");

    /// <summary>
    /// The expression that reads a (possibly null) value of <paramref name="type"/> at <c>reader</c>.
    /// Generated types are qualified with <paramref name="namespace"/>: a property named like a type would otherwise hide it.
    /// </summary>
    public static string ReadExpression(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Union => $"{JsonRead}.Object(ref reader, {ItemReader(type, @namespace)})",
        TypeKind.Enum or TypeKind.HttpMethod => $"{JsonRead}.Value(ref reader, {ItemReader(type, @namespace)})",
        TypeKind.Array => $"{JsonRead}.Array(ref reader, {ItemReader(type.Element!, @namespace)})",
        TypeKind.Map => $"{JsonRead}.Map(ref reader, {ItemReader(type.Element!, @namespace)})",
        _ => $"{JsonRead}.{type.Kind}(ref reader)",
    };

    /// <summary>A method group reading one non-null value (a list item, a response body); nullable item types read null too.</summary>
    public static string ItemReader(TypeRef item, string @namespace) => item.Kind switch
    {
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => $"global::{@namespace}.{item.Name}.ReadJson",
        TypeKind.HttpMethod => $"{Runtime}.HttpMethodName.ReadJson",
        TypeKind.Array => $"{JsonRead}.ArrayOf<{Of(item.Element!)}>({ItemReader(item.Element!, @namespace)})",
        TypeKind.Map => $"{JsonRead}.MapOf<{Of(item.Element!)}>({ItemReader(item.Element!, @namespace)})",
        _ when item.Nullable => $"{JsonRead}.{item.Kind}",
        _ => $"{JsonRead}.{item.Kind}Item",
    };

    /// <summary>
    /// The attribute that hands the type to System.Text.Json: the runtime's one converter for every generated type,
    /// which calls the type's own <c>ReadJson</c>/<c>WriteJson</c> (the type implements <see cref="JsonModelOf"/>).
    /// </summary>
    public static void JsonConverterAttribute(SourceWriter writer, string typeName) =>
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({Runtime}.JsonModelConverter<{typeName}>))]");

    /// <summary>The interface every generated type implements: <c>IJsonModel&lt;Name&gt;</c>.</summary>
    public static string JsonModelOf(string typeName) => $"{Runtime}.IJsonModel<{typeName}>";

    /// <summary>
    /// The static <c>WriteJson(writer, value)</c> every generated class ends with: it makes the type a
    /// <c>JsonValueWriter</c> for lists and bodies, and implements <see cref="JsonModelOf"/>.
    /// </summary>
    public static void StaticWriter(SourceWriter writer, string typeName)
    {
        writer.DocXml("summary", $"Writes <paramref name=\"value\"/> as JSON: a <c>JsonValueWriter</c> for lists and bodies of <see cref=\"{typeName}\"/>.");
        writer.Line($"public static void WriteJson({Utf8JsonWriter} writer, {typeName} value) => (value ?? throw new global::System.ArgumentNullException(nameof(value))).WriteJson(writer);");
    }

    /// <summary>True when the C# type is a struct, so that its nullable form is <c>Nullable&lt;T&gt;</c>.</summary>
    public static bool IsValueType(TypeRef type) => type.Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Double or TypeKind.Float or TypeKind.Decimal or TypeKind.Int32AsString or TypeKind.Int64AsString
        or TypeKind.DoubleAsString or TypeKind.DecimalAsString or TypeKind.DateTimeOffset or TypeKind.DateTimeRfc2822
        or TypeKind.UnixTime or TypeKind.DateOnly or TypeKind.TimeOnly or TypeKind.Duration or TypeKind.Guid
        or TypeKind.Enum or TypeKind.HttpMethod or TypeKind.JsonValue;

    /// <summary>True for a JSON number member, which a server may send as a string (Twilio's <c>"price": "-0.05000"</c>).</summary>
    public static bool IsNumber(TypeRef type) => type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal;

    /// <summary>
    /// A <c>JsonValueWriter&lt;T&gt;</c> for <paramref name="type"/>: a method group, or for lists and maps the runtime's
    /// writer built from their items' writer, so nesting of any depth needs no lambda.
    /// </summary>
    public static string ValueWriter(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum or TypeKind.Union => $"global::{@namespace}.{type.Name}.WriteJson",
        TypeKind.HttpMethod => $"{Runtime}.HttpMethodName.WriteJson",
        TypeKind.Array => $"{JsonWrite}.ArrayOf<{Of(type.Element!)}>({ValueWriter(type.Element!, @namespace)})",
        TypeKind.Map => $"{JsonWrite}.MapOf<{Of(type.Element!)}>({ValueWriter(type.Element!, @namespace)})",
        _ => $"{JsonWrite}.{type.Kind}",
    };

    /// <summary>The expression passed to <c>ParameterList.Add</c> for a scalar value.</summary>
    public static string WireValue(string expression, TypeRef type) => type.Kind switch
    {
        TypeKind.Enum or TypeKind.HttpMethod => expression + (type.Nullable ? "?.Value" : ".Value"),
        _ when ParameterFormatter(type) is { } formatter => $"{formatter}({expression})",
        _ => expression,
    };

    /// <summary>
    /// The <c>ParameterText</c> method that spells a value of <paramref name="type"/> in a query, header or form as a
    /// string, for types <c>ParameterList.Add</c> has no overload of its own for (and an RFC 2822 or Unix time, whose
    /// text is not the ISO 8601 of other date-times); otherwise null.
    /// </summary>
    public static string? ParameterFormatter(TypeRef type) => type.Kind switch
    {
        TypeKind.DateTimeRfc2822 or TypeKind.UnixTime => $"{Runtime}.ParameterText.{type.Kind}",
        TypeKind.Float or TypeKind.Guid or TypeKind.Bytes or TypeKind.TimeOnly or TypeKind.Duration => $"{Runtime}.ParameterText.Of",
        _ => null,
    };
}
