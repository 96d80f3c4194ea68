using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string MultipartMediaType = "multipart/form-data";
    private const string TwilioPrefixedMap = "prefixed-collapsible-map-";

    private OperationSpec ReadOperation(string path, EquatableArray<PathPart> pathParts, IOpenApiPathItem pathItem, string method, OpenApiOperation operation, string name, string pointer)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        // Broken references (already reported as PXG0002) leave null or nameless parameters behind: skip them.
        var parameters = Usable(operation.Parameters).ToList();
        foreach (var shared in Usable(pathItem.Parameters))
        {
            if (!parameters.Any(p => Target(p).Name == Target(shared).Name && Target(p).In == Target(shared).In))
            {
                parameters.Add(shared);
            }
        }

        var pathParameters = new List<ParameterSpec>();
        // Argument names may not take the names of the generated method's own parameters and locals (ClientEmitter).
        var argumentNames = new HashSet<string>(GeneratedNames.MethodLocals, StringComparer.Ordinal);
        foreach (var wireName in pathParts.Where(p => p.IsParameter).Select(p => p.Text).Distinct(StringComparer.Ordinal))
        {
            var parameter = parameters.FirstOrDefault(p => Target(p).In == ParameterLocation.Path && Target(p).Name == wireName);
            var parameterPointer = ParameterPointer(operation, pathItem, parameter, pointer);
            var declared = parameter is null ? null : Target(parameter);
            var type = declared?.Schema is { } schema
                ? ResolveType(schema, name + Naming.Pascal(wireName), parameterPointer + "/schema", forRequest: false).WithNullable(false)
                : new TypeRef(TypeKind.String, Nullable: false);
            var style = declared?.Style switch
            {
                Microsoft.OpenApi.ParameterStyle.Label => "Label",
                Microsoft.OpenApi.ParameterStyle.Matrix => "Matrix",
                null or Microsoft.OpenApi.ParameterStyle.Simple => "Simple",
                var other => UnsupportedStyle(other.Value, "path", "simple", parameterPointer),
            };
            pathParameters.Add(new ParameterSpec(
                wireName,
                UniqueName(Identifier(Naming.Camel(wireName), pointer + "/parameters"), argumentNames, parameterPointer, generatedNames: GeneratedNames.MethodLocals),
                type,
                Text(parameter is null ? null : DescriptionOf(parameter)),
                style,
                declared?.Explode ?? false));
        }

        var requestBody = ReadRequestBody(operation, name, pointer);
        var (response, responseFormat, accept) = ReadResponse(operation, name, pointer);
        return new OperationSpec(
            operation.OperationId!,
            name,
            method,
            path,
            pathParts,
            Text(operation.Summary),
            Text(operation.Description),
            operation.Deprecated,
            pathParameters.ToEquatableArray(),
            requestBody.Body,
            ReadRequest(operation, pathItem, parameters, requestBody.Fields, name, pointer),
            response,
            responseFormat,
            accept,
            Paging: null);
    }

    /// <summary>Where the spec declares <paramref name="parameter"/>: in the operation, in its path item, or (not declared) the operation.</summary>
    private static string ParameterPointer(OpenApiOperation operation, IOpenApiPathItem pathItem, IOpenApiParameter? parameter, string operationPointer)
    {
        var index = parameter is null ? -1 : operation.Parameters?.IndexOf(parameter) ?? -1;
        if (index >= 0)
        {
            return operationPointer + "/parameters/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        index = parameter is null ? -1 : pathItem.Parameters?.IndexOf(parameter) ?? -1;
        return index >= 0
            ? operationPointer.Substring(0, operationPointer.LastIndexOf('/')) + "/parameters/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : operationPointer;
    }

    private IEnumerable<IOpenApiParameter> Usable(IList<IOpenApiParameter>? parameters) =>
        (parameters ?? new List<IOpenApiParameter>()).Where(p => p is not null && Target(p) is { Name: not null, In: not null } && p is not OpenApiParameterReference { UnresolvedReference: true });

    /// <summary>
    /// The parameter a reference stands for, looked up once (see <see cref="Shape"/>: OpenAPI.NET resolves on every
    /// read). Its description is still read from the reference, which may override it.
    /// </summary>
    private IOpenApiParameter Target(IOpenApiParameter parameter)
    {
        if (parameter is not OpenApiParameterReference reference)
        {
            return parameter;
        }

        if (!_parameterTargets.TryGetValue(reference, out var target))
        {
            target = Component(reference.Reference, ReferenceType.Parameter, _document?.Components?.Parameters) as OpenApiParameter ?? reference.Target;
            _parameterTargets[reference] = target;
        }

        return target ?? parameter;
    }

    private readonly Dictionary<OpenApiParameterReference, IOpenApiParameter?> _parameterTargets = new();

    /// <summary>A parameter's description: a reference's own, which overrides its target's, else its target's.</summary>
    private string? DescriptionOf(IOpenApiParameter parameter) =>
        parameter is OpenApiParameterReference { Reference.Description: { Length: > 0 } own } ? own : Target(parameter).Description;

    /// <summary>A style the spec does not define for this location: reported, and the location's default is used.</summary>
    private string UnsupportedStyle(Microsoft.OpenApi.ParameterStyle style, string location, string fallback, string pointer)
    {
        var name = style.ToString();
        Report(Diagnostics.DiagnosticDescriptors.UnsupportedStyle, pointer, pointer, char.ToLowerInvariant(name[0]) + name.Substring(1), location, fallback);
        return char.ToUpperInvariant(fallback[0]) + fallback.Substring(1);
    }

    /// <summary>
    /// The operation's body: a form or a multipart form (its schema's properties become request fields), JSON (a typed
    /// <c>body</c> argument), or any other media type (a <c>Stream</c> argument sent as it is).
    /// </summary>
    private (BodyFields? Fields, BodySpec? Body) ReadRequestBody(OpenApiOperation operation, string operationName, string pointer)
    {
        var bodyPointer = pointer + "/requestBody";
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return (null, null);
        }

        foreach (var (mediaType, location) in new[] { (FormMediaType, FieldLocation.Form), (MultipartMediaType, FieldLocation.Multipart) })
        {
            var form = content.FirstOrDefault(c => c.Key.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase));
            if (form.Value is not null)
            {
                var schemaPointer = bodyPointer + "/content/" + YamlPositionIndex.Escape(form.Key) + "/schema";
                return (new BodyFields(form.Value.Schema ?? new OpenApiSchema(), schemaPointer, location, form.Value.Encoding), null);
            }
        }

        var required = operation.RequestBody.Required;
        foreach (var entry in content)
        {
            if (JsonMediaType(entry.Key) is not { } jsonType)
            {
                continue;
            }

            var schemaPointer = bodyPointer + "/content/" + YamlPositionIndex.Escape(entry.Key) + "/schema";
            var schema = entry.Value?.Schema ?? new OpenApiSchema();
            var contextName = schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title
                ? Identifier(Naming.Pascal(title), schemaPointer + "/title")
                : operationName + "Body";
            var type = ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(!required);
            return (null, new BodySpec(type, required, Text(operation.RequestBody.Description ?? schema.Description), jsonType));
        }

        // Bytes: application/octet-stream, images, text. A wildcard or malformed media type is sent as octet-stream.
        var binary = content.First();
        var sent = MediaType(binary.Key) is { } exact && exact.IndexOf('*') < 0 ? exact : "application/octet-stream";
        var description = Text(operation.RequestBody.Description ?? binary.Value?.Schema?.Description);
        return (null, new BodySpec(new TypeRef(TypeKind.Stream, !required), required, description, sent));
    }

    /// <summary>A form or multipart body's schema, where it is, and its per-property <c>encoding</c>.</summary>
    private sealed record BodyFields(IOpenApiSchema Schema, string Pointer, FieldLocation Location, IDictionary<string, OpenApiEncoding>? Encoding);

    /// <summary>
    /// The bare media type when <paramref name="contentType"/> is JSON (<c>application/json</c>, <c>text/json</c>,
    /// <c>application/*+json</c>; parameters dropped), else null.
    /// </summary>
    private static string? JsonMediaType(string contentType) =>
        MediaType(contentType) is { } type && (type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal)) ? type : null;

    /// <summary>The bare, lower-case media type, parameters dropped; null unless only token characters remain (it becomes a header).</summary>
    private static string? MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
        return MediaTypePattern.IsMatch(type) ? type : null;
    }

    private static readonly System.Text.RegularExpressions.Regex MediaTypePattern = new(
        "^[a-z0-9!#$&^_.+*-]+/[a-z0-9!#$&^_.+*-]+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private RequestSpec? ReadRequest(OpenApiOperation operation, IOpenApiPathItem pathItem, List<IOpenApiParameter> parameters, BodyFields? body, string operationName, string pointer)
    {
        var fields = new List<RequestFieldSpec>();
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        var requestName = Naming.Unique(
            body?.Schema.Title is { Length: > 0 } title ? Identifier(Naming.Pascal(title), body.Pointer + "/title") : Identifier(operationName + "Request", pointer),
            _typeNames);

        foreach (var parameter in parameters)
        {
            var declared = Target(parameter);
            var location = declared.In switch
            {
                ParameterLocation.Query => FieldLocation.Query,
                ParameterLocation.Header => FieldLocation.Header,
                ParameterLocation.Cookie => FieldLocation.Cookie,
                _ => (FieldLocation?)null,
            };
            if (location is null)
            {
                continue;
            }

            var parameterPointer = ParameterPointer(operation, pathItem, parameter, pointer);
            var style = location == FieldLocation.Header
                ? declared.Style is null or Microsoft.OpenApi.ParameterStyle.Simple ? "Simple" : UnsupportedStyle(declared.Style.Value, "header", "simple", parameterPointer)
                : location == FieldLocation.Cookie
                ? declared.Style is null or Microsoft.OpenApi.ParameterStyle.Form ? "Form" : UnsupportedStyle(declared.Style.Value, "cookie", "form", parameterPointer)
                : declared.Style switch
                {
                    null or Microsoft.OpenApi.ParameterStyle.Form => "Form",
                    Microsoft.OpenApi.ParameterStyle.SpaceDelimited => "SpaceDelimited",
                    Microsoft.OpenApi.ParameterStyle.PipeDelimited => "PipeDelimited",
                    Microsoft.OpenApi.ParameterStyle.DeepObject => "DeepObject",
                    var other => UnsupportedStyle(other.Value, "query", "form", parameterPointer),
                };
            var encoding = new FieldEncoding(style, declared.Explode, location == FieldLocation.Query && declared.AllowReserved, ContentType: null);
            var schema = declared.Schema;

            // A parameter described by `content` instead of `schema` is sent as that media type says: JSON text for JSON.
            if (schema is null && declared.Content?.FirstOrDefault() is { Value: not null } content)
            {
                schema = content.Value.Schema;
                if (JsonMediaType(content.Key) is { } json)
                {
                    encoding = new FieldEncoding(null, false, false, json);
                }
            }

            fields.Add(RequestField(declared.Name!, location.Value, schema ?? new OpenApiSchema(), declared.Required, DescriptionOf(parameter), requestName, parameterPointer, propertyNames, encoding)
                with { Deprecated = declared.Deprecated || (schema is not null && IsDeprecated(schema)) });
        }

        if (body is not null)
        {
            var required = body.Schema.Required ?? new HashSet<string>();
            foreach (var property in body.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var schema = property.Value ?? new OpenApiSchema();
                var propertyPointer = body.Pointer + "/properties/" + YamlPositionIndex.Escape(property.Key);
                OpenApiEncoding? entry = null;
                var encoding = body.Encoding?.TryGetValue(property.Key, out entry) == true && entry is not null
                    ? BodyEncoding(entry, body.Location)
                    : body.Location == FieldLocation.Multipart ? new FieldEncoding(null, false, false, null) : null;
                if (entry?.Headers is { Count: > 0 } partHeaders)
                {
                    Report(Diagnostics.DiagnosticDescriptors.PartHeadersIgnored, propertyPointer, propertyPointer, property.Key, string.Join(", ", partHeaders.Keys));
                }

                fields.Add(RequestField(property.Key, body.Location, schema, required.Contains(property.Key), DescriptionOf(schema), requestName, propertyPointer, propertyNames, encoding)
                    with { Deprecated = IsDeprecated(schema) });
            }
        }

        if (fields.Count == 0 && body is null)
        {
            _typeNames.Remove(requestName);
            return null;
        }

        return new RequestSpec(
            requestName,
            Text(body?.Schema.Description ?? operation.RequestBody?.Description),
            body?.Location == FieldLocation.Form,
            body?.Location == FieldLocation.Multipart,
            fields.ToEquatableArray());
    }

    /// <summary>
    /// A form property's <c>encoding</c>: <c>style</c>, <c>explode</c> or <c>allowReserved</c> make it a styled value
    /// (explode defaulting to true for <c>form</c>, as for query parameters); a <c>contentType</c> alone decides how
    /// it is written (JSON text for a JSON type). Multipart parts use the content type only (OpenAPI ignores styles there).
    /// </summary>
    private static FieldEncoding? BodyEncoding(OpenApiEncoding encoding, FieldLocation location)
    {
        var contentType = encoding.ContentType is { Length: > 0 } types ? MediaType(types.Split(',')[0]) : null;
        // OpenAPI.NET derives Explode from Style when the document leaves it out, so Style and AllowReserved tell
        // whether the entry asks for a style at all.
        if (location == FieldLocation.Multipart || (encoding.Style is null && encoding.AllowReserved is null))
        {
            var encoded = new FieldEncoding(null, false, false, contentType);
            return location == FieldLocation.Form && !encoded.AsJson ? null : encoded;
        }

        var style = encoding.Style switch
        {
            Microsoft.OpenApi.ParameterStyle.SpaceDelimited => "SpaceDelimited",
            Microsoft.OpenApi.ParameterStyle.PipeDelimited => "PipeDelimited",
            Microsoft.OpenApi.ParameterStyle.DeepObject => "DeepObject",
            _ => "Form",
        };
        return new FieldEncoding(style, encoding.Explode ?? style == "Form", encoding.AllowReserved ?? false, contentType);
    }

    /// <summary>
    /// A request class property. A plain one (no encoding: a Twilio form field) keeps today's wire form, objects as
    /// JSON text. One with an encoding keeps its schema's type (models included): the emitter writes it as the
    /// encoding says, or, when a plain scalar or list of scalars in the default style, as a plain value.
    /// </summary>
    private RequestFieldSpec RequestField(string wireName, FieldLocation location, IOpenApiSchema schema, bool required, string? description, string requestName, string pointer, HashSet<string> propertyNames, FieldEncoding? encoding)
    {
        var propertyName = UniqueName(Identifier(Naming.Pascal(wireName), pointer), propertyNames, pointer, requestName, GeneratedNames.RequestMembers);
        TypeRef type;
        if (Shape(schema).Format is { } format && format.StartsWith(TwilioPrefixedMap, StringComparison.Ordinal) && format.Length > TwilioPrefixedMap.Length && location != FieldLocation.Multipart)
        {
            type = new TypeRef(TypeKind.JsonObject, Nullable: false);
            encoding = new FieldEncoding(null, false, false, null, format.Substring(TwilioPrefixedMap.Length));
        }
        else if (encoding is null)
        {
            type = AsWireValue(ResolveType(schema, requestName + propertyName, pointer, forRequest: true));
        }
        else if (location == FieldLocation.Multipart && IsBinary(schema))
        {
            type = new TypeRef(TypeKind.File, Nullable: false);
        }
        else if (location == FieldLocation.Multipart && TypeOf(schema) == JsonSchemaType.Array && Shape(schema).Items is { } items && IsBinary(items))
        {
            type = new TypeRef(TypeKind.Array, Nullable: false, Element: new TypeRef(TypeKind.File, Nullable: false));
        }
        else
        {
            type = ResolveType(schema, requestName + propertyName, pointer, forRequest: false);
            if (IsPlain(type, location, encoding))
            {
                encoding = null;
            }
        }

        return new RequestFieldSpec(wireName, propertyName, location, type.WithNullable(!required), required, Text(description ?? DescriptionOf(schema)), encoding);
    }

    /// <summary><c>type: string, format: binary</c> (or OpenAPI 3.1's <c>contentMediaType</c> on a string): a file.</summary>
    private bool IsBinary(IOpenApiSchema schema) =>
        TypeOf(schema) == JsonSchemaType.String && (Shape(schema).Format == "binary" || HasKeyword(schema, "contentMediaType"));

    /// <summary>
    /// True when a styled value is written exactly as the plain form writes it: a scalar in the default style, or a
    /// list of scalars exploded in the query's or form's <c>form</c> style. Those keep the simple generated code.
    /// </summary>
    private static bool IsPlain(TypeRef type, FieldLocation location, FieldEncoding encoding)
    {
        if (encoding.AllowReserved || encoding.MapPrefix is not null || location == FieldLocation.Multipart)
        {
            return false;
        }

        var scalarStyle = encoding.Style is "Form" or "Simple" or "SpaceDelimited" or "PipeDelimited" or "DeepObject";
        return type.IsScalar
            ? scalarStyle
            : type.Kind == TypeKind.Array && type.Element!.IsScalar && encoding.Style == "Form" && encoding.Explode && location != FieldLocation.Header;
    }


    /// <summary>
    /// Objects travel in plain forms as JSON text, so a request value that resolved to a model or map
    /// (through a shared component) is a JsonObject there; lists keep their items' wire form.
    /// </summary>
    private static TypeRef AsWireValue(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Map => new TypeRef(TypeKind.JsonObject, type.Nullable),
        TypeKind.Union => new TypeRef(TypeKind.JsonValue, type.Nullable),
        TypeKind.Array => type with { Element = AsWireValue(type.Element!) },
        _ => type,
    };

    /// <summary>
    /// The first 2xx body: JSON when any of its media types is JSON; otherwise text (<c>text/*</c>, XML) as a string,
    /// or anything else as a stream, with its media types for the Accept header.
    /// </summary>
    private (TypeRef? Type, ResponseFormat Format, string? Accept) ReadResponse(OpenApiOperation operation, string operationName, string pointer)
    {
        var success = (operation.Responses ?? new OpenApiResponses())
            .Where(r => (r.Key.Length == 3 && r.Key[0] == '2') || r.Key.Equals("2XX", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Key, StringComparer.Ordinal);
        foreach (var response in success)
        {
            if (response.Value?.Content is not { Count: > 0 } content)
            {
                continue;
            }

            var json = content.FirstOrDefault(c => c.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0);
            if (json.Value?.Schema is { } schema)
            {
                var schemaPointer = pointer + "/responses/" + YamlPositionIndex.Escape(response.Key) + "/content/" + YamlPositionIndex.Escape(json.Key) + "/schema";
                var contextName = schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title
                    ? Identifier(Naming.Pascal(title), schemaPointer + "/title")
                    : operationName + "Response";
                return (ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(false), ResponseFormat.Json, null);
            }

            if (json.Value is not null)
            {
                continue;
            }

            var types = content.Keys.Select(MediaType).Where(t => t is not null).Distinct(StringComparer.Ordinal).ToList();
            var accept = types.Count == 0 ? "*/*" : string.Join(", ", types);
            var isText = types.Count > 0 && types.All(t => t!.StartsWith("text/", StringComparison.Ordinal) || t.EndsWith("/xml", StringComparison.Ordinal) || t.EndsWith("+xml", StringComparison.Ordinal))
                && content.Values.All(c => c?.Schema is not { } s || s.Format != "binary");
            return isText
                ? (new TypeRef(TypeKind.String, Nullable: false), ResponseFormat.Text, accept)
                : (new TypeRef(TypeKind.Stream, Nullable: false), ResponseFormat.Binary, accept);
        }

        return (null, ResponseFormat.Json, null);
    }

    /// <summary>Recognises a Twilio page: one list property plus <c>meta</c> with <c>next_page_url</c>.</summary>
    private PagingSpec? FindPaging(string modelName)
    {
        if (!_models.TryGetValue(modelName, out var page))
        {
            return null;
        }

        var meta = page.AllProperties.FirstOrDefault(p => p.JsonName == "meta" && p.Type.Kind == TypeKind.Model);
        var lists = page.AllProperties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
        if (meta is null || lists.Count != 1 || !_models.TryGetValue(meta.Type.Name!, out var metaModel))
        {
            return null;
        }

        var next = metaModel.AllProperties.FirstOrDefault(p => p.JsonName == "next_page_url" && p.Type.Kind is TypeKind.Uri or TypeKind.String);
        return next is null
            ? null
            : new PagingSpec(lists[0].Name, lists[0].Type.Element!, meta.Name, next.Name, next.Type.Kind == TypeKind.Uri);
    }

    /// <summary>Trims a spec text; empty texts become null so the emitters can skip them.</summary>
    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
