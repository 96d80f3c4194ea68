using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes the client: one file with the constructor and the interface, and one file per operation holding
/// that operation's interface member, its implementation and its request class.
/// </summary>
internal static class ClientEmitter
{
    private const string Connection = "_connection";

    /// <summary>Where request fields travel: the local ParameterList of the generated method and the ApiRequest property it fills.</summary>
    private static readonly (FieldLocation Location, string Variable, string Property)[] RequestParts =
    [
        (FieldLocation.Query, "query", "Query"),
        (FieldLocation.Header, "headers", "Headers"),
        (FieldLocation.Form, "form", "Form"),
    ];

    public static string EmitClient(ClientSpec client)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary($"The operations of {client.Title}.", client.Description);
        writer.OpenBlock($"{client.Visibility} partial interface {client.InterfaceName}");
        writer.CloseBlock();
        writer.Line();
        writer.DocElement("summary", SourceWriter.XmlEscape($"Client for {client.Title}, generated from {client.SpecFileName}."));
        var usage = "Works as an IHttpClientFactory typed client. Every method throws <see cref=\"global::ProxyGen.Runtime.ApiException\"/> when the server answers outside 2xx.";
        writer.DocElement("remarks", client.Description is null ? usage : SourceWriter.XmlEscape(client.Description) + "\n" + usage);
        writer.OpenBlock($"{client.Visibility} partial class {client.Name} : {client.InterfaceName}");
        WriteServer(writer, client.Server);
        writer.Line();
        writer.Line($"private readonly {TypeNames.Runtime}.ApiConnection {Connection};");
        writer.Line();
        writer.DocElement("summary", $"Creates a client that sends requests through <paramref name=\"httpClient\"/>.");
        writer.DocElement("param", "The HttpClient to send with; the caller owns it.", "name=\"httpClient\"");
        writer.DocElement("param", "Base address, credentials and User-Agent.", "name=\"options\"");
        writer.OpenBlock($"public {client.Name}(global::System.Net.Http.HttpClient httpClient, {TypeNames.Runtime}.ApiClientOptions options)");
        writer.Line(client.Server is { Template: not null }
            ? $"{Connection} = new {TypeNames.Runtime}.ApiConnection(httpClient, options, {TypeNames.Runtime}.ServerUrl.Expand(ServerUrlTemplate, ServerVariableDefaults, options));"
            : $"{Connection} = new {TypeNames.Runtime}.ApiConnection(httpClient, options, DefaultBaseAddress);");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteServer(SourceWriter writer, ServerSpec? server)
    {
        if (server is null)
        {
            writer.DocElement("summary", "The spec names no usable server: set <see cref=\"global::ProxyGen.Runtime.ApiClientOptions.BaseAddress\"/> or the HttpClient's BaseAddress.");
            writer.Line("public static readonly global::System.Uri? DefaultBaseAddress = null;");
            return;
        }

        var summary = server.Template is null
            ? "The server the spec names (<c>servers[0].url</c>); used when neither the options nor the HttpClient give one."
            : "The server the spec names (<c>servers[0].url</c>) with every variable at its default; used when neither the options nor the HttpClient give one.";
        writer.DocElement("summary", summary);
        writer.Line($"public static readonly global::System.Uri DefaultBaseAddress = new global::System.Uri({SourceWriter.Literal(server.DefaultBaseAddress)});");
        if (server.Template is null)
        {
            return;
        }

        writer.Line();
        writer.DocElement("summary", "The server URL as the spec writes it; <see cref=\"global::ProxyGen.Runtime.ApiClientOptions.ServerVariables\"/> sets its variables.");
        writer.Line($"public const string ServerUrlTemplate = {SourceWriter.Literal(server.Template)};");
        writer.Line();
        var variables = string.Join(", ", server.Variables.Select(v =>
            $"<c>{SourceWriter.XmlEscape(v.Name)}</c> = <c>{SourceWriter.XmlEscape(v.Default)}</c>" + (v.Description is null ? string.Empty : $" ({SourceWriter.XmlEscape(v.Description)})")));
        writer.DocElement("summary", $"The default of each server variable: {variables}.");
        writer.Line("public static readonly global::System.Collections.Generic.IReadOnlyDictionary<string, string> ServerVariableDefaults = new global::System.Collections.Generic.Dictionary<string, string>");
        writer.Line("{");
        foreach (var variable in server.Variables)
        {
            writer.Line($"    [{SourceWriter.Literal(variable.Name)}] = {SourceWriter.Literal(variable.Default)},");
        }

        writer.Line("};");
    }

    public static string EmitOperation(ClientSpec client, OperationSpec operation)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        var signature = Parameters(operation, withDefaults: true);

        writer.OpenBlock($"{client.Visibility} partial interface {client.InterfaceName}");
        WriteDocs(writer, operation, paged: false);
        writer.Line($"{ReturnType(operation)} {operation.Name}Async({signature});");
        if (operation.Paging is { } paging)
        {
            writer.Line();
            WriteDocs(writer, operation, paged: true);
            writer.Line($"global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Of(paging.ItemType)}> {operation.Name}AllAsync({signature});");
        }

        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"{client.Visibility} partial class {client.Name}");
        WriteMethod(writer, client, operation);
        if (operation.Paging is not null)
        {
            writer.Line();
            WritePagedMethod(writer, client, operation);
        }

        writer.CloseBlock();
        if (operation.Request is { } request)
        {
            writer.Line();
            WriteRequestClass(writer, client, operation, request);
        }

        return writer.ToString();
    }

    private static string ReturnType(OperationSpec operation) => operation.Response is { } response
        ? $"global::System.Threading.Tasks.Task<{TypeNames.Of(response)}>"
        : "global::System.Threading.Tasks.Task";

    private static string Parameters(OperationSpec operation, bool withDefaults, bool enumeratorCancellation = false)
    {
        var parts = operation.PathParameters.Select(p => $"{TypeNames.Of(p.Type)} {p.ArgumentName}").ToList();
        if (operation.Request is { } request)
        {
            parts.Add(request.IsRequired
                ? $"{request.Name} request"
                : $"{request.Name}? request" + (withDefaults ? " = null" : string.Empty));
        }

        var attribute = enumeratorCancellation ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty;
        parts.Add($"{attribute}{TypeNames.CancellationToken} cancellationToken" + (withDefaults ? " = default" : string.Empty));
        return string.Join(", ", parts);
    }

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, bool paged)
    {
        var summary = SourceWriter.XmlEscape(operation.Summary ?? operation.Description ?? $"Calls {operation.OperationId}.");
        if (paged)
        {
            writer.DocElement("summary", $"Streams every item of {SourceWriter.XmlEscape(operation.OperationId)} across all pages, following <c>meta.next_page_url</c> until it is null.\n{summary}");
        }
        else
        {
            writer.DocElement("summary", summary);
        }

        var remarks = $"<c>{operation.HttpMethod} {SourceWriter.XmlEscape(operation.Path)}</c> ({SourceWriter.XmlEscape(operation.OperationId)})";
        if (operation.Description is { } description && description != operation.Summary)
        {
            remarks = SourceWriter.XmlEscape(description) + "\n" + remarks;
        }

        writer.DocElement("remarks", remarks);

        foreach (var parameter in operation.PathParameters)
        {
            writer.DocElement("param", SourceWriter.XmlEscape(parameter.Description ?? $"The {parameter.WireName} path segment."), $"name=\"{parameter.ArgumentName.TrimStart('@')}\"");
        }

        if (operation.Request is { } request)
        {
            var text = request.IsRequired
                ? "The fields to send; fields left null are not sent."
                : "The fields to send, or null to send none; fields left null are not sent.";
            writer.DocElement("param", text, "name=\"request\"");
        }

        writer.DocElement("param", "Cancels the request.", "name=\"cancellationToken\"");
        if (paged)
        {
            writer.DocElement("returns", "Every item, page by page, fetched as the caller enumerates.");
        }
        else if (operation.Response is { } response)
        {
            writer.DocElement("returns", response switch
            {
                { Kind: TypeKind.Model or TypeKind.Enum } => $"The server's <see cref=\"{response.Name}\"/>.",
                { Kind: TypeKind.Array, Element.Kind: TypeKind.Model or TypeKind.Enum } => $"The server's list of <see cref=\"{response.Element.Name}\"/>.",
                _ => "The server's response body.",
            });
        }

        WriteObsolete(writer, operation);
    }

    private static void WriteObsolete(SourceWriter writer, OperationSpec operation)
    {
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The spec marks this operation deprecated.\")]");
        }
    }

    private static void WriteMethod(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        writer.Line("/// <inheritdoc />");
        WriteObsolete(writer, operation);

        writer.OpenBlock($"public {ReturnType(operation)} {operation.Name}Async({Parameters(operation, withDefaults: true)})");
        foreach (var parameter in operation.PathParameters.Where(p => p.Type.Kind == TypeKind.String))
        {
            writer.Line($"global::System.ArgumentException.ThrowIfNullOrEmpty({parameter.ArgumentName});");
        }

        var request = operation.Request;
        if (request is { IsRequired: true })
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
        }

        // Each place a request field can travel gets its own ParameterList, named as ApiRequest names it.
        var used = RequestParts.Where(part => request is not null
            && (request.Fields.Any(f => f.Location == part.Location) || (part.Location == FieldLocation.Form && request.HasFormBody))).ToList();
        if (request is not null)
        {
            foreach (var part in used)
            {
                writer.Line($"var {part.Variable} = new {TypeNames.Runtime}.ParameterList();");
            }

            if (request.Fields.Count > 0)
            {
                if (!request.IsRequired)
                {
                    writer.OpenBlock("if (request is not null)");
                }

                foreach (var part in used)
                {
                    foreach (var field in request.Fields.Where(f => f.Location == part.Location))
                    {
                        WriteAdd(writer, part.Variable, field);
                    }
                }

                if (!request.IsRequired)
                {
                    writer.CloseBlock();
                }
            }

            writer.Line();
        }

        var create = $"var apiRequest = new {TypeNames.Runtime}.ApiRequest(global::System.Net.Http.HttpMethod.{HttpMethodProperty(operation.HttpMethod)}, {PathExpression(operation)})";
        if (used.Count == 0)
        {
            writer.Line(create + ";");
        }
        else
        {
            writer.Line(create);
            writer.Line("{");
            foreach (var part in used)
            {
                writer.Line($"    {part.Property} = {part.Variable},");
            }

            writer.Line("};");
        }

        writer.Line(operation.Response is { } response
            ? $"return {Connection}.SendAsync(apiRequest, {ReaderFor(response, client.Namespace)}, cancellationToken);"
            : $"return {Connection}.SendAsync(apiRequest, cancellationToken);");
        writer.CloseBlock();
    }

    private static void WritePagedMethod(SourceWriter writer, ClientSpec client, OperationSpec operation)
    {
        var paging = operation.Paging!;
        var page = operation.Response!;
        writer.Line("/// <inheritdoc />");
        WriteObsolete(writer, operation);

        writer.OpenBlock($"public async global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Of(paging.ItemType)}> {operation.Name}AllAsync({Parameters(operation, withDefaults: true, enumeratorCancellation: true)})");
        var arguments = operation.PathParameters.Select(p => p.ArgumentName).ToList();
        if (operation.Request is not null)
        {
            arguments.Add("request");
        }

        arguments.Add("cancellationToken");
        writer.Line($"var links = new {TypeNames.Runtime}.PageLinks();");
        writer.Line($"var page = await {operation.Name}Async({string.Join(", ", arguments)}).ConfigureAwait(false);");
        writer.OpenBlock("while (true)");
        writer.OpenBlock($"if (page.{paging.ItemsProperty} is {{ }} items)");
        writer.OpenBlock("foreach (var item in items)");
        writer.Line("yield return item;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"if (page.{paging.MetaProperty}?.{paging.NextPageProperty} is not {{ }} nextPageUrl)");
        writer.Line("yield break;");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"page = await {Connection}.SendAsync(links.Next(nextPageUrl), {ReaderFor(page, client.Namespace)}, cancellationToken).ConfigureAwait(false);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteAdd(SourceWriter writer, string list, RequestFieldSpec field)
    {
        var wireName = SourceWriter.Literal(field.WireName);
        var value = "request." + field.PropertyName;
        if (field.Type.Kind != TypeKind.Array)
        {
            writer.Line($"{list}.Add({wireName}, {TypeNames.WireValue(value, field.Type)});");
            return;
        }

        var item = field.Type.Element!;
        if (field.Type.Nullable)
        {
            writer.OpenBlock($"if ({value} is {{ }} {Local(field)})");
            value = Local(field);
        }

        writer.OpenBlock($"foreach (var item in {value})");
        writer.Line($"{list}.Add({wireName}, {TypeNames.WireValue("item", item)});");
        writer.CloseBlock();
        if (field.Type.Nullable)
        {
            writer.CloseBlock();
        }
    }

    private static string Local(RequestFieldSpec field) => Parsing.Naming.Camel(field.PropertyName) + "Values";

    /// <summary>Reads a whole response body; lists and maps go through a lambda because their reader takes an item reader.</summary>
    private static string ReaderFor(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Array or TypeKind.Map =>
            $"static (ref {TypeNames.Utf8JsonReader} reader) => {TypeNames.ReadExpression(type, @namespace)} ?? throw new global::System.Text.Json.JsonException(\"The response body is null.\")",
        _ => TypeNames.ItemReader(type.WithNullable(false), @namespace),
    };

    private static string HttpMethodProperty(string method) => method switch
    {
        "GET" => "Get",
        "POST" => "Post",
        "PUT" => "Put",
        "DELETE" => "Delete",
        "PATCH" => "Patch",
        "HEAD" => "Head",
        "OPTIONS" => "Options",
        "TRACE" => "Trace",
        _ => "Get",
    };

    /// <summary>The path as a concatenation that percent-encodes each path parameter as one segment.</summary>
    private static string PathExpression(OperationSpec operation) => string.Join(" + ", operation.PathParts.Select(part =>
    {
        if (!part.IsParameter)
        {
            return SourceWriter.Literal(part.Text);
        }

        var parameter = operation.PathParameters.First(p => p.WireName == part.Text);
        return $"{TypeNames.Runtime}.PathSegment.Encode({TypeNames.WireValue(parameter.ArgumentName, parameter.Type)})";
    }));

    private static void WriteRequestClass(SourceWriter writer, ClientSpec client, OperationSpec operation, RequestSpec request)
    {
        writer.Summary(
            request.Description ?? $"The fields of {operation.OperationId}. A field left null is not sent.",
            request.Description is null ? null : "A field left null is not sent.");
        writer.OpenBlock($"{client.Visibility} sealed partial class {request.Name}");
        var first = true;
        foreach (var field in request.Fields)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            var where = field.Location switch
            {
                FieldLocation.Query => "query parameter",
                FieldLocation.Header => "header",
                _ => "form field",
            };
            writer.Summary(field.Description ?? $"The {field.WireName} {where}.");
            writer.DocElement("remarks", $"Sent as the {where} <c>{SourceWriter.XmlEscape(field.WireName)}</c>.");
            var required = field.Required ? "required " : string.Empty;
            writer.Line($"public {required}{TypeNames.Of(field.Type)} {field.PropertyName} {{ get; set; }}");
        }

        writer.CloseBlock();
    }
}
