namespace ProxyGen.Generator.Model;

/// <summary>One operation of the spec, ready to become an <c>{OperationId}Async</c> method.</summary>
/// <param name="OperationId">The spec's operationId, as written.</param>
/// <param name="Name">The C# method stem (PascalCase operationId).</param>
/// <param name="HttpMethod">Upper-case HTTP method.</param>
/// <param name="Path">The path template as the spec writes it, e.g. <c>/v1/Services/{ServiceSid}</c>, for documentation.</param>
/// <param name="PathParts">The path template split into literal text and parameters, to build the request path from.</param>
/// <param name="PathParameters">Path parameters in the order they first appear in <see cref="Path"/>, each once.</param>
/// <param name="Body">The JSON or binary request body, a typed argument of its own; null when there is none (or it is a form).</param>
/// <param name="Request">The request class for query, header and form parameters, if the operation has any.</param>
/// <param name="Response">The 2xx body's type (a JSON type, <c>string</c> for text, <c>Stream</c> for bytes), or null when success carries no body.</param>
/// <param name="ResponseFormat">How the 2xx body is read.</param>
/// <param name="Accept">The media types of a body that is not JSON, for the Accept header; null asks for JSON.</param>
/// <param name="Paging">How to walk every page, when the response is a Twilio page.</param>
internal sealed record OperationSpec(
    string OperationId,
    string Name,
    string HttpMethod,
    string Path,
    EquatableArray<PathPart> PathParts,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> PathParameters,
    BodySpec? Body,
    RequestSpec? Request,
    TypeRef? Response,
    ResponseFormat ResponseFormat,
    string? Accept,
    PagingSpec? Paging)
{
    /// <summary>
    /// The security requirements (alternatives, each the scheme names sent together); null when the operation has none
    /// or the spec declares no schemes. Empty: <c>security: []</c>, nothing is sent.
    /// </summary>
    public EquatableArray<EquatableArray<string>>? Security { get; init; }

    /// <summary>True when <see cref="Security"/> is the document's own, which the client declares once.</summary>
    public bool UsesDocumentSecurity { get; init; }

    /// <summary>
    /// A 2xx body read one event or record at a time (Server-Sent Events, JSON Lines): a method returning an
    /// <c>IAsyncEnumerable</c>, beside the buffered one or (<see cref="StreamedResponseSpec.Only"/>) instead of it.
    /// </summary>
    public StreamedResponseSpec? Streamed { get; init; }
}

/// <summary>A streamed 2xx body and the method that reads it.</summary>
/// <param name="Item">The type of one event's <c>data</c>, or of one record.</param>
/// <param name="MediaType">The streamed media type, for the Accept header.</param>
/// <param name="Only">True when the operation answers nothing else: the streaming method is its only method.</param>
/// <param name="MethodName">The method stem: the operation's name when <see cref="Only"/>, else <c>{Name}Stream</c>.</param>
/// <param name="FlagProperty">
/// The required JSON body's boolean <c>stream</c> member (its C# name), when the operation has a buffered method too:
/// the streaming method sends it true, and each method refuses a body that sets it the other way.
/// </param>
internal sealed record StreamedResponseSpec(TypeRef Item, StreamFormat Format, string MediaType, bool Only, string MethodName, string? FlagProperty = null)
{
    /// <summary>The body member that selects streaming, by the name the APIs that have one give it.</summary>
    public const string FlagName = "stream";
}

/// <summary>How a streamed body is cut into items.</summary>
internal enum StreamFormat
{
    /// <summary><c>text/event-stream</c>: each event's data is one item.</summary>
    ServerSentEvents,
    /// <summary><c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>: each line (record) is one item.</summary>
    JsonLines,
}

/// <summary>How a 2xx body is read.</summary>
internal enum ResponseFormat
{
    /// <summary>Parsed as JSON by the generated reader.</summary>
    Json,
    /// <summary>Returned as a string (<c>text/*</c>, XML).</summary>
    Text,
    /// <summary>Returned as an open stream (binary, images, archives).</summary>
    Binary,
}

/// <summary>A path parameter: a positional argument of the generated method.</summary>
/// <param name="Style">How the value is written: <see cref="ParameterStyle.Simple"/> (the default), <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
internal sealed record ParameterSpec(string WireName, string ArgumentName, TypeRef Type, string? Description, ParameterStyle Style = ParameterStyle.Simple, bool Explode = false);

/// <summary>An OpenAPI parameter <c>style</c>: how a value, list or object is written into a path, query, header or form.</summary>
/// <remarks>The names are those of the runtime's <c>ParameterStyle</c>, which generated code names.</remarks>
internal enum ParameterStyle
{
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>Styles as the spec spells them.</summary>
internal static class ParameterStyles
{
    /// <summary><c>deepObject</c>, <c>form</c>: the OpenAPI keyword, for messages and docs.</summary>
    public static string SpecName(ParameterStyle style)
    {
        var name = style.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}

/// <summary>A JSON or binary request body: the method's <c>body</c> argument.</summary>
/// <param name="Type">The C# type of the body (a model, a list, a map, a primitive, raw JSON, or a <c>Stream</c> of bytes).</param>
/// <param name="Required">True when the spec marks the body required: the argument is then mandatory.</param>
/// <param name="MediaType">The media type to send, as the spec names it (<c>application/json</c>, <c>application/merge-patch+json</c>).</param>
internal sealed record BodySpec(TypeRef Type, bool Required, string? Description, string MediaType);

/// <summary>The request class of an operation (<c>UpdateShortCodeRequest</c>).</summary>
/// <param name="HasFormBody">True when the operation sends an <c>application/x-www-form-urlencoded</c> body.</param>
/// <param name="HasMultipartBody">True when the operation sends a <c>multipart/form-data</c> body.</param>
internal sealed record RequestSpec(
    string Name,
    string? Description,
    bool HasFormBody,
    bool HasMultipartBody,
    EquatableArray<RequestFieldSpec> Fields)
{
    /// <summary>A request with a required field makes the request argument mandatory.</summary>
    public bool IsRequired => System.Linq.Enumerable.Any(Fields, f => f.Required);
}

/// <summary>Where a request field travels.</summary>
internal enum FieldLocation
{
    Query,
    Header,
    Cookie,
    Form,
    Multipart,
}

/// <summary>One property of a request class and the wire name it is sent under.</summary>
/// <param name="Encoding">How the value is written when the spec says more than the plain form; null for the plain form.</param>
internal sealed record RequestFieldSpec(
    string WireName,
    string PropertyName,
    FieldLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    FieldEncoding? Encoding = null,
    bool Deprecated = false);

/// <summary>
/// How a query, header, form or multipart value is written. Without one, a value goes as plain text: lists one pair
/// per item, objects as compact JSON (what Twilio expects).
/// </summary>
/// <param name="Style">The style the value is written in; null writes the value as <see cref="ContentType"/> says.</param>
/// <param name="ContentType">A form property's or multipart part's media type (<c>encoding.contentType</c>).</param>
/// <param name="MapPrefix">
/// Twilio's <c>format: prefixed-collapsible-map-{Prefix}</c>: the object goes as <c>{Prefix}.{key}={value}</c> pairs,
/// nested objects collapsed with dots, the way Twilio's own SDKs send it.
/// </param>
internal sealed record FieldEncoding(ParameterStyle? Style, bool Explode, bool AllowReserved, string? ContentType, string? MapPrefix = null)
{
    /// <summary>The value is sent as compact JSON text (a form property whose contentType is JSON).</summary>
    public bool AsJson => Style is null && ContentType is { } type && (type.StartsWith("application/json", System.StringComparison.OrdinalIgnoreCase) || type.Contains("+json"));
}

/// <summary>Twilio paging: the page's item list and where the next page's address is.</summary>
/// <param name="ItemsProperty">The page model's list property (<c>ShortCodes</c>).</param>
/// <param name="ItemType">The type of one item.</param>
/// <param name="MetaProperty">The page model's <c>meta</c> property.</param>
/// <param name="NextPageProperty">The meta model's <c>next_page_url</c> property.</param>
internal sealed record PagingSpec(string ItemsProperty, TypeRef ItemType, string MetaProperty, string NextPageProperty, bool NextPageIsUri);

/// <summary>One piece of a path template: literal text (already percent-encoded) or a path parameter's wire name.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
