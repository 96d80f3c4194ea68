using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    private OperationSpec ReadOperation(string path, EquatableArray<PathPart> pathParts, IOpenApiPathItem pathItem, string method, OpenApiOperation operation, string name, string pointer)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        // Broken references (already reported as PXG0002) leave null or nameless parameters behind: skip them.
        var parameters = Usable(operation.Parameters).ToList();
        foreach (var shared in Usable(pathItem.Parameters))
        {
            if (!parameters.Any(p => p.Name == shared.Name && p.In == shared.In))
            {
                parameters.Add(shared);
            }
        }

        var pathParameters = new List<ParameterSpec>();
        // Argument names may not take the names of the generated method's own parameters and locals (ClientEmitter).
        var argumentNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "request", "body", "cancellationToken", "form", "query", "headers", "apiRequest", "links", "page", "items", "item", "nextPageUrl",
        };
        foreach (var wireName in pathParts.Where(p => p.IsParameter).Select(p => p.Text).Distinct(StringComparer.Ordinal))
        {
            var parameter = parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == wireName);
            var type = parameter?.Schema is { } schema
                ? ResolveType(schema, name + Naming.Pascal(wireName), pointer, forRequest: true)
                : new TypeRef(TypeKind.String, Nullable: false);
            pathParameters.Add(new ParameterSpec(
                wireName,
                Naming.Unique(Identifier(Naming.Camel(wireName), pointer + "/parameters"), argumentNames),
                ScalarForPath(type),
                Text(parameter?.Description)));
        }

        var requestBody = ReadRequestBody(operation, name, pointer);
        var response = ReadResponse(operation, name, pointer);
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
            requestBody.Json,
            ReadRequest(operation, parameters, requestBody.Form, requestBody.FormPointer, name, pointer),
            response,
            Paging: null);
    }

    private static IEnumerable<IOpenApiParameter> Usable(IList<IOpenApiParameter>? parameters) =>
        (parameters ?? new List<IOpenApiParameter>()).Where(p => p is { Name: not null, In: not null } && p is not OpenApiParameterReference { UnresolvedReference: true });

    /// <summary>Path values are always present and always scalar.</summary>
    private static TypeRef ScalarForPath(TypeRef type) => type.Kind switch
    {
        TypeKind.Array or TypeKind.Map or TypeKind.Model or TypeKind.Union or TypeKind.JsonObject or TypeKind.JsonValue => new TypeRef(TypeKind.String, Nullable: false),
        _ => type.WithNullable(false),
    };

    /// <summary>
    /// The operation's body: a form (its schema's properties become request fields), or JSON (a typed <c>body</c>
    /// argument). Any other media type is reported and not sent.
    /// </summary>
    private (IOpenApiSchema? Form, string FormPointer, BodySpec? Json) ReadRequestBody(OpenApiOperation operation, string operationName, string pointer)
    {
        var bodyPointer = pointer + "/requestBody";
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return (null, bodyPointer, null);
        }

        var form = content.FirstOrDefault(c => c.Key.StartsWith(FormMediaType, StringComparison.OrdinalIgnoreCase));
        if (form.Value is not null)
        {
            return (form.Value.Schema ?? new OpenApiSchema(), bodyPointer + "/content/" + YamlPositionIndex.Escape(form.Key) + "/schema", null);
        }

        foreach (var entry in content)
        {
            if (JsonMediaType(entry.Key) is not { } mediaType)
            {
                continue;
            }

            var schemaPointer = bodyPointer + "/content/" + YamlPositionIndex.Escape(entry.Key) + "/schema";
            var schema = entry.Value?.Schema ?? new OpenApiSchema();
            var contextName = schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title
                ? Identifier(Naming.Pascal(title), schemaPointer + "/title")
                : operationName + "Body";
            var required = operation.RequestBody.Required;
            var type = ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(!required);
            return (null, bodyPointer, new BodySpec(type, required, Text(operation.RequestBody.Description ?? schema.Description), mediaType));
        }

        Report(Diagnostics.DiagnosticDescriptors.UnsupportedBody, bodyPointer, operation.OperationId!, content.Keys.First());
        return (null, bodyPointer, null);
    }

    /// <summary>
    /// The bare media type when <paramref name="contentType"/> is JSON (<c>application/json</c>, <c>text/json</c>,
    /// <c>application/*+json</c>; parameters dropped), else null. Only token characters pass: it becomes a header.
    /// </summary>
    private static string? JsonMediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
        if (!JsonMediaTypePattern.IsMatch(type))
        {
            return null;
        }

        return type is "application/json" or "text/json" || type.EndsWith("+json", StringComparison.Ordinal) ? type : null;
    }

    private static readonly System.Text.RegularExpressions.Regex JsonMediaTypePattern = new(
        "^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private RequestSpec? ReadRequest(OpenApiOperation operation, List<IOpenApiParameter> parameters, IOpenApiSchema? formSchema, string formPointer, string operationName, string pointer)
    {
        var fields = new List<RequestFieldSpec>();
        var propertyNames = new HashSet<string>(StringComparer.Ordinal);
        var requestName = Naming.Unique(
            formSchema?.Title is { Length: > 0 } title ? Identifier(Naming.Pascal(title), formPointer + "/title") : Identifier(operationName + "Request", pointer),
            _typeNames);

        foreach (var parameter in parameters)
        {
            var location = parameter.In switch
            {
                ParameterLocation.Query => FieldLocation.Query,
                ParameterLocation.Header => FieldLocation.Header,
                _ => (FieldLocation?)null,
            };
            if (location is null)
            {
                continue;
            }

            fields.Add(RequestField(parameter.Name!, location.Value, parameter.Schema ?? new OpenApiSchema(), parameter.Required, parameter.Description, requestName, pointer, propertyNames));
        }

        if (formSchema is not null)
        {
            var required = formSchema.Required ?? new HashSet<string>();
            foreach (var property in formSchema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var schema = property.Value ?? new OpenApiSchema();
                fields.Add(RequestField(property.Key, FieldLocation.Form, schema, required.Contains(property.Key), schema.Description, requestName, formPointer + "/properties/" + YamlPositionIndex.Escape(property.Key), propertyNames));
            }
        }

        if (fields.Count == 0 && formSchema is null)
        {
            _typeNames.Remove(requestName);
            return null;
        }

        return new RequestSpec(requestName, Text(formSchema?.Description ?? operation.RequestBody?.Description), formSchema is not null, fields.ToEquatableArray());
    }

    private RequestFieldSpec RequestField(string wireName, FieldLocation location, IOpenApiSchema schema, bool required, string? description, string requestName, string pointer, HashSet<string> propertyNames)
    {
        var propertyName = Naming.Unique(SafeMemberName(Identifier(Naming.Pascal(wireName), pointer), requestName), propertyNames);
        var type = AsWireValue(ResolveType(schema, requestName + propertyName, pointer, forRequest: true)).WithNullable(!required);
        return new RequestFieldSpec(wireName, propertyName, location, type, required, Text(description ?? schema.Description));
    }

    /// <summary>
    /// Objects travel in forms, queries and headers as JSON text, so a request value that resolved to a model or map
    /// (through a shared component) is a JsonObject there; lists keep their items' wire form.
    /// </summary>
    private static TypeRef AsWireValue(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Map => new TypeRef(TypeKind.JsonObject, type.Nullable),
        TypeKind.Union => new TypeRef(TypeKind.JsonValue, type.Nullable),
        TypeKind.Array => type with { Element = AsWireValue(type.Element!) },
        _ => type,
    };

    private TypeRef? ReadResponse(OpenApiOperation operation, string operationName, string pointer)
    {
        var success = (operation.Responses ?? new OpenApiResponses())
            .Where(r => (r.Key.Length == 3 && r.Key[0] == '2') || r.Key.Equals("2XX", StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Key, StringComparer.Ordinal);
        foreach (var response in success)
        {
            var json = response.Value?.Content?.FirstOrDefault(c => c.Key.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0);
            if (json?.Value?.Schema is { } schema)
            {
                var schemaPointer = pointer + "/responses/" + YamlPositionIndex.Escape(response.Key) + "/content/" + YamlPositionIndex.Escape(json.Value.Key) + "/schema";
                var contextName = schema is not OpenApiSchemaReference && schema.Title is { Length: > 0 } title
                    ? Identifier(Naming.Pascal(title), schemaPointer + "/title")
                    : operationName + "Response";
                return ResolveType(schema, contextName, schemaPointer, forRequest: false).WithNullable(false);
            }
        }

        return null;
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
