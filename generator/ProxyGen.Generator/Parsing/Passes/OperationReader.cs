using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 2, read operations: each path and method with an operationId becomes an <see cref="OperationSpec"/> (paging
/// is found later, once models are finished), its parameters and body resolved to types by <see cref="SchemaResolver"/>.
/// </summary>
internal sealed class OperationReader(SchemaShapes shapes, SchemaResolver resolver, SpecNames names, SpecDiagnostics diagnostics, OperationSelection selection)
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string MultipartMediaType = "multipart/form-data";
    private const string TwilioPrefixedMap = "prefixed-collapsible-map-";

    private static readonly System.Text.RegularExpressions.Regex MediaTypePattern = new(
        "^[a-z0-9!#$&^_.+*-]+/[a-z0-9!#$&^_.+*-]+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly Dictionary<OpenApiParameterReference, IOpenApiParameter?> _parameterTargets = new();

    /// <summary>Every operation of the document, in document order, with where the spec declares it.</summary>
    /// <summary>The operations the selection left out, as <c>METHOD /path</c>, once <see cref="ReadAll"/> has run.</summary>
    public List<string> LeftOut { get; } = new();

    public List<(OperationSpec Operation, string Pointer, bool Kept)> ReadAll(CancellationToken cancellationToken)
    {
        var operations = new List<(OperationSpec Operation, string Pointer, bool Kept)>();
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in shapes.Document.Paths)
        {
            var pathPointer = "#/paths/" + YamlPositionIndex.Escape(path.Key);
            if (path.Value?.Operations is not { Count: > 0 } pathOperations)
            {
                // Only a reference can leave a path item empty by mistake; a path with no operations (Twilio lists a
                // few) says nothing, and costs no position index.
                if ((path.Value is null or OpenApiPathItemReference) && diagnostics.Positions.ReferenceAt(pathPointer + "/$ref") is { } target)
                {
                    diagnostics.Report(DiagnosticDescriptors.UnresolvedPathItem, pathPointer + "/$ref", path.Key, target);
                }

                continue;
            }

            var template = PathTemplate.Parse(path.Key);
            if (template.Problem is { } problem)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidPathTemplate, pathPointer, path.Key, problem);
                continue;
            }

            foreach (var entry in pathOperations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = pathPointer + "/" + entry.Key.Method.ToLowerInvariant();
                var operation = entry.Value;
                if (operation is null)
                {
                    continue;
                }

                // Outside the item's selection: still read, silently, so that every name (merged inline models,
                // names moved aside) is the one the whole document gives; SpecParser drops it afterwards.
                var kept = selection.Keeps(path.Key, method, (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name ?? string.Empty), operation.OperationId ?? string.Empty);
                using var muted = kept ? default(SpecDiagnostics.Muting?) : diagnostics.Mute();
                if (!kept)
                {
                    LeftOut.Add(method + " " + path.Key);
                }

                if (operation.OperationId is not { } operationId || string.IsNullOrWhiteSpace(operationId))
                {
                    diagnostics.Report(DiagnosticDescriptors.MissingOperationId, pointer, method, path.Key);
                    continue;
                }

                var name = names.Identifier(Naming.Pascal(operationId), pointer + "/operationId");
                if (methodNames.TryGetValue(name, out var existing))
                {
                    diagnostics.Report(DiagnosticDescriptors.DuplicateName, pointer + "/operationId", operation.OperationId, name + "Async", $"'{existing}'", "this operation is skipped");
                    continue;
                }

                methodNames[name] = operation.OperationId;
                operations.Add((Read(path.Key, template.Parts, path.Value, method, operation, name, pointer), pointer, kept));
            }
        }

        return operations;
    }

    private OperationSpec Read(string path, EquatableArray<PathPart> pathParts, IOpenApiPathItem pathItem, string method, OpenApiOperation operation, string name, string pointer)
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
        // Argument names may not take the names of the generated method's own parameters and locals.
        var argumentNames = new HashSet<string>(GeneratedNames.MethodLocals, StringComparer.Ordinal);
        foreach (var wireName in pathParts.Where(p => p.IsParameter).Select(p => p.Text).Distinct(StringComparer.Ordinal))
        {
            var parameter = parameters.FirstOrDefault(p => Target(p).In == ParameterLocation.Path && Target(p).Name == wireName);
            var parameterPointer = ParameterPointer(operation, pathItem, parameter, pointer);
            var declared = parameter is null ? null : Target(parameter);
            var type = declared?.Schema is { } schema
                ? resolver.ResolveType(schema, name + Naming.Pascal(wireName), parameterPointer + "/schema", forRequest: false).WithNullable(false)
                : new TypeRef(TypeKind.String, Nullable: false);
            var style = declared?.Style switch
            {
                Microsoft.OpenApi.ParameterStyle.Label => Model.ParameterStyle.Label,
                Microsoft.OpenApi.ParameterStyle.Matrix => Model.ParameterStyle.Matrix,
                null or Microsoft.OpenApi.ParameterStyle.Simple => Model.ParameterStyle.Simple,
                var other => UnsupportedStyle(other.Value, "path", Model.ParameterStyle.Simple, parameterPointer),
            };
            pathParameters.Add(new ParameterSpec(
                wireName,
                names.UniqueName(names.Identifier(Naming.Camel(wireName), pointer + "/parameters"), argumentNames, parameterPointer, generatedNames: GeneratedNames.MethodLocals),
                type,
                SpecText.Trim(parameter is null ? null : DescriptionOf(parameter)),
                style,
                declared?.Explode ?? false));
        }

        var requestBody = ReadRequestBody(operation, name, pointer);
        var (response, responseFormat, accept, streamed) = ReadResponse(operation, name, pointer);
        return new OperationSpec(
            operation.OperationId!,
            name,
            method,
            path,
            pathParts,
            SpecText.Trim(operation.Summary),
            SpecText.Trim(operation.Description),
            operation.Deprecated,
            pathParameters.ToEquatableArray(),
            requestBody.Body,
            ReadRequest(operation, pathItem, parameters, requestBody.Fields, name, pointer),
            response,
            responseFormat,
            accept,
            Paging: null)
        {
            Streamed = streamed,
        };
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
    /// The parameter a reference stands for, looked up once (see <see cref="SchemaShapes.Shape"/>: OpenAPI.NET resolves
    /// on every read). Its description is still read from the reference, which may override it.
    /// </summary>
    private IOpenApiParameter Target(IOpenApiParameter parameter)
    {
        if (parameter is not OpenApiParameterReference reference)
        {
            return parameter;
        }

        if (!_parameterTargets.TryGetValue(reference, out var target))
        {
            target = SchemaShapes.Component(reference.Reference, ReferenceType.Parameter, shapes.Document.Components?.Parameters) as OpenApiParameter ?? reference.Target;
            _parameterTargets[reference] = target;
        }

        return target ?? parameter;
    }

    /// <summary>A parameter's description: a reference's own, which overrides its target's, else its target's.</summary>
    private string? DescriptionOf(IOpenApiParameter parameter) =>
        parameter is OpenApiParameterReference { Reference.Description: { Length: > 0 } own } ? own : Target(parameter).Description;

    /// <summary>A style the spec does not define for this location: reported, and the location's default is used.</summary>
    private Model.ParameterStyle UnsupportedStyle(Microsoft.OpenApi.ParameterStyle style, string location, Model.ParameterStyle fallback, string pointer)
    {
        var name = style.ToString();
        diagnostics.Report(DiagnosticDescriptors.UnsupportedStyle, pointer, pointer, char.ToLowerInvariant(name[0]) + name.Substring(1), location, ParameterStyles.SpecName(fallback));
        return fallback;
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
                ? names.Identifier(Naming.Pascal(title), schemaPointer + "/title")
                : operationName + "Body";
            var type = resolver.ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(!required);
            return (null, new BodySpec(type, required, SpecText.Trim(operation.RequestBody.Description ?? schema.Description), jsonType));
        }

        // Bytes: application/octet-stream, images, text. A wildcard or malformed media type is sent as octet-stream.
        var binary = content.First();
        var sent = MediaType(binary.Key) is { } exact && exact.IndexOf('*') < 0 ? exact : "application/octet-stream";
        var description = SpecText.Trim(operation.RequestBody.Description ?? binary.Value?.Schema?.Description);
        return (null, new BodySpec(new TypeRef(TypeKind.Stream, !required), required, description, sent));
    }

    /// <summary>A form or multipart body's schema, where it is, and its per-property <c>encoding</c>.</summary>
    private sealed record BodyFields(IOpenApiSchema Schema, string Pointer, FieldLocation Location, IDictionary<string, OpenApiEncoding>? Encoding);

    /// <summary>
    /// The bare media type when <paramref name="contentType"/> is JSON (<c>application/json</c>, <c>text/json</c>,
    /// <c>application/*+json</c>; parameters dropped), else null.
    /// </summary>
    internal static string? JsonMediaType(string contentType) =>
        MediaType(contentType) is { } type && (type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal)) ? type : null;

    /// <summary>The bare, lower-case media type, parameters dropped; null unless only token characters remain (it becomes a header).</summary>
    private static string? MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
        return MediaTypePattern.IsMatch(type) ? type : null;
    }

    private RequestSpec? ReadRequest(OpenApiOperation operation, IOpenApiPathItem pathItem, List<IOpenApiParameter> parameters, BodyFields? body, string operationName, string pointer)
    {
        var fields = new List<RequestFieldSpec>();
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        var requestName = names.UniqueType(
            body?.Schema.Title is { Length: > 0 } title ? names.Identifier(Naming.Pascal(title), body.Pointer + "/title") : names.Identifier(operationName + "Request", pointer));

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
                ? declared.Style is null or Microsoft.OpenApi.ParameterStyle.Simple ? Model.ParameterStyle.Simple : UnsupportedStyle(declared.Style.Value, "header", Model.ParameterStyle.Simple, parameterPointer)
                : location == FieldLocation.Cookie
                ? declared.Style is null or Microsoft.OpenApi.ParameterStyle.Form ? Model.ParameterStyle.Form : UnsupportedStyle(declared.Style.Value, "cookie", Model.ParameterStyle.Form, parameterPointer)
                : declared.Style switch
                {
                    null or Microsoft.OpenApi.ParameterStyle.Form => Model.ParameterStyle.Form,
                    Microsoft.OpenApi.ParameterStyle.SpaceDelimited => Model.ParameterStyle.SpaceDelimited,
                    Microsoft.OpenApi.ParameterStyle.PipeDelimited => Model.ParameterStyle.PipeDelimited,
                    Microsoft.OpenApi.ParameterStyle.DeepObject => Model.ParameterStyle.DeepObject,
                    var other => UnsupportedStyle(other.Value, "query", Model.ParameterStyle.Form, parameterPointer),
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
                with { Deprecated = declared.Deprecated || (schema is not null && shapes.IsDeprecated(schema)) });
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
                    diagnostics.Report(DiagnosticDescriptors.PartHeadersIgnored, propertyPointer, propertyPointer, property.Key, string.Join(", ", partHeaders.Keys));
                }

                fields.Add(RequestField(property.Key, body.Location, schema, required.Contains(property.Key), shapes.DescriptionOf(schema), requestName, propertyPointer, propertyNames, encoding)
                    with { Deprecated = shapes.IsDeprecated(schema) });
            }
        }

        if (fields.Count == 0 && body is null)
        {
            names.Release(requestName);
            return null;
        }

        return new RequestSpec(
            requestName,
            SpecText.Trim(body?.Schema.Description ?? operation.RequestBody?.Description),
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
            Microsoft.OpenApi.ParameterStyle.SpaceDelimited => Model.ParameterStyle.SpaceDelimited,
            Microsoft.OpenApi.ParameterStyle.PipeDelimited => Model.ParameterStyle.PipeDelimited,
            Microsoft.OpenApi.ParameterStyle.DeepObject => Model.ParameterStyle.DeepObject,
            _ => Model.ParameterStyle.Form,
        };
        return new FieldEncoding(style, encoding.Explode ?? style == Model.ParameterStyle.Form, encoding.AllowReserved ?? false, contentType);
    }

    /// <summary>
    /// A request class property. A plain one (no encoding: a Twilio form field) keeps today's wire form, objects as
    /// JSON text. One with an encoding keeps its schema's type (models included): the emitter writes it as the
    /// encoding says, or, when a plain scalar or list of scalars in the default style, as a plain value.
    /// </summary>
    private RequestFieldSpec RequestField(string wireName, FieldLocation location, IOpenApiSchema schema, bool required, string? description, string requestName, string pointer, HashSet<string> propertyNames, FieldEncoding? encoding)
    {
        var propertyName = names.UniqueName(names.Identifier(Naming.Pascal(wireName), pointer), propertyNames, pointer, requestName, GeneratedNames.RequestMembers);
        TypeRef type;
        if (shapes.Shape(schema).Format is { } format && format.StartsWith(TwilioPrefixedMap, StringComparison.Ordinal) && format.Length > TwilioPrefixedMap.Length && location != FieldLocation.Multipart)
        {
            type = new TypeRef(TypeKind.JsonObject, Nullable: false);
            encoding = new FieldEncoding(null, false, false, null, format.Substring(TwilioPrefixedMap.Length));
        }
        else if (encoding is null)
        {
            type = AsWireValue(resolver.ResolveType(schema, requestName + propertyName, pointer, forRequest: true));
        }
        else if (location == FieldLocation.Multipart && shapes.IsBinary(schema))
        {
            type = new TypeRef(TypeKind.File, Nullable: false);
        }
        else if (location == FieldLocation.Multipart && shapes.TypeOf(schema) == JsonSchemaType.Array && shapes.Shape(schema).Items is { } items && shapes.IsBinary(items))
        {
            type = new TypeRef(TypeKind.Array, Nullable: false, Element: new TypeRef(TypeKind.File, Nullable: false));
        }
        else
        {
            type = resolver.ResolveType(schema, requestName + propertyName, pointer, forRequest: false);
            if (IsPlain(type, location, encoding))
            {
                encoding = null;
            }
        }

        return new RequestFieldSpec(wireName, propertyName, location, type.WithNullable(!required), required, SpecText.Trim(description ?? shapes.DescriptionOf(schema)), encoding);
    }

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

        return type.IsScalar
            ? encoding.Style is Model.ParameterStyle.Form or Model.ParameterStyle.Simple or Model.ParameterStyle.SpaceDelimited or Model.ParameterStyle.PipeDelimited or Model.ParameterStyle.DeepObject
            : type.Kind == TypeKind.Array && type.Element!.IsScalar && encoding.Style == Model.ParameterStyle.Form && encoding.Explode && location != FieldLocation.Header;
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
    /// or anything else as a stream, with its media types for the Accept header. A streamed media type (events, JSON
    /// Lines) beside them, or alone, is read by a streaming method of its own.
    /// </summary>
    private (TypeRef? Type, ResponseFormat Format, string? Accept, StreamedResponseSpec? Streamed) ReadResponse(OpenApiOperation operation, string operationName, string pointer)
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

            var responsePointer = pointer + "/responses/" + YamlPositionIndex.Escape(response.Key) + "/content/";
            var streamed = ReadStreamed(content, operationName, responsePointer);
            var json = content.FirstOrDefault(c => c.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 && StreamFormatOf(c.Key) is null);
            if (json.Value?.Schema is { } schema)
            {
                var schemaPointer = responsePointer + YamlPositionIndex.Escape(json.Key) + "/schema";
                var contextName = schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title
                    ? names.Identifier(Naming.Pascal(title), schemaPointer + "/title")
                    : operationName + "Response";
                var type = resolver.ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(false);
                return (type, ResponseFormat.Json, null, streamed is null ? null : streamed with { Only = false, MethodName = operationName + "Stream" });
            }

            if (streamed is not null)
            {
                return (null, ResponseFormat.Json, null, streamed);
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
                ? (new TypeRef(TypeKind.String, Nullable: false), ResponseFormat.Text, accept, null)
                : (new TypeRef(TypeKind.Stream, Nullable: false), ResponseFormat.Binary, accept, null);
        }

        return (null, ResponseFormat.Json, null, null);
    }

    /// <summary>
    /// The first streamed media type of a response, as the only method's (the caller widens it when JSON is beside it).
    /// The schema describes one event's data or one record; an array schema for JSON Lines, its items.
    /// </summary>
    private StreamedResponseSpec? ReadStreamed(IDictionary<string, OpenApiMediaType> content, string operationName, string responsePointer)
    {
        foreach (var entry in content)
        {
            if (StreamFormatOf(entry.Key) is not { } format)
            {
                continue;
            }

            var schemaPointer = responsePointer + YamlPositionIndex.Escape(entry.Key) + "/schema";
            var item = new TypeRef(TypeKind.JsonValue, Nullable: false);
            if (entry.Value?.Schema is { } schema)
            {
                var contextName = operationName + (format == StreamFormat.ServerSentEvents ? "Event" : "Record");
                if (format == StreamFormat.JsonLines && schema.Type is { } type && (type & JsonSchemaType.Array) != 0 && schema.Items is { } items)
                {
                    (schema, schemaPointer) = (items, schemaPointer + "/items");
                }

                item = resolver.ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(false);
            }

            return new StreamedResponseSpec(item, format, MediaType(entry.Key)!, Only: true, MethodName: operationName);
        }

        return null;
    }

    /// <summary>Server-Sent Events or JSON Lines, by media type; null for a body read whole.</summary>
    private static StreamFormat? StreamFormatOf(string contentType) => MediaType(contentType) switch
    {
        "text/event-stream" => StreamFormat.ServerSentEvents,
        "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" or "application/json-seq" => StreamFormat.JsonLines,
        _ => null,
    };
}
