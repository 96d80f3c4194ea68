namespace ProxyGen.Generator.Model;

/// <summary>One operation of the spec, ready to become an <c>{OperationId}Async</c> method.</summary>
/// <param name="OperationId">The spec's operationId, as written.</param>
/// <param name="Name">The C# method stem (PascalCase operationId).</param>
/// <param name="HttpMethod">Upper-case HTTP method.</param>
/// <param name="Path">The path template as the spec writes it, e.g. <c>/v1/Services/{ServiceSid}</c>, for documentation.</param>
/// <param name="PathParts">The path template split into literal text and parameters, to build the request path from.</param>
/// <param name="PathParameters">Path parameters in the order they first appear in <see cref="Path"/>, each once.</param>
/// <param name="Body">The JSON request body, a typed argument of its own; null when there is none (or it is a form).</param>
/// <param name="Request">The request class for query, header and form parameters, if the operation has any.</param>
/// <param name="Response">The 2xx JSON body's type, or null when success carries no body.</param>
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
    PagingSpec? Paging);

/// <summary>A path parameter: a positional argument of the generated method.</summary>
internal sealed record ParameterSpec(string WireName, string ArgumentName, TypeRef Type, string? Description);

/// <summary>A JSON request body: the method's <c>body</c> argument.</summary>
/// <param name="Type">The C# type of the body (a model, a list, a map, a primitive, or raw JSON).</param>
/// <param name="Required">True when the spec marks the body required: the argument is then mandatory.</param>
/// <param name="MediaType">The media type to send, as the spec names it (<c>application/json</c>, <c>application/merge-patch+json</c>).</param>
internal sealed record BodySpec(TypeRef Type, bool Required, string? Description, string MediaType);

/// <summary>The request class of an operation (<c>UpdateShortCodeRequest</c>).</summary>
/// <param name="HasFormBody">True when the operation sends an <c>application/x-www-form-urlencoded</c> body.</param>
internal sealed record RequestSpec(
    string Name,
    string? Description,
    bool HasFormBody,
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
    Form,
}

/// <summary>One property of a request class and the wire name it is sent under.</summary>
internal sealed record RequestFieldSpec(
    string WireName,
    string PropertyName,
    FieldLocation Location,
    TypeRef Type,
    bool Required,
    string? Description);

/// <summary>Twilio paging: the page's item list and where the next page's address is.</summary>
/// <param name="ItemsProperty">The page model's list property (<c>ShortCodes</c>).</param>
/// <param name="ItemType">The type of one item.</param>
/// <param name="MetaProperty">The page model's <c>meta</c> property.</param>
/// <param name="NextPageProperty">The meta model's <c>next_page_url</c> property.</param>
internal sealed record PagingSpec(string ItemsProperty, TypeRef ItemType, string MetaProperty, string NextPageProperty, bool NextPageIsUri);

/// <summary>One piece of a path template: literal text (already percent-encoded) or a path parameter's wire name.</summary>
internal sealed record PathPart(string Text, bool IsParameter);
