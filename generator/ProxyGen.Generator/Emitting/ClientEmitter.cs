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

    /// <summary>Where request fields travel: the local of the generated method, its type, and the ApiRequest property it fills.</summary>
    private static readonly (FieldLocation Location, string Variable, string Type, string Property)[] RequestParts =
    [
        (FieldLocation.Query, "query", "ParameterList", "Query"),
        (FieldLocation.Header, "headers", "ParameterList", "Headers"),
        (FieldLocation.Cookie, "cookies", "ParameterList", "Cookies"),
        (FieldLocation.Form, "form", "ParameterList", "Form"),
        (FieldLocation.Multipart, "multipart", "MultipartBody", "Multipart"),
    ];

    public static string EmitClient(ClientSpec client)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary($"The operations of {client.Title}.", client.Description);
        using (writer.Block($"{client.Visibility} partial interface {client.InterfaceName}"))
        {
        }

        writer.Line();
        writer.DocText("summary", client.Subset is { } subset
            ? $"Client for part of {client.Title}, generated from {client.SpecFileName}: {subset}."
            : $"Client for {client.Title}, generated from {client.SpecFileName}.");
        var usage = "Works as an IHttpClientFactory typed client. Every method throws <see cref=\"global::ProxyGen.Runtime.ApiException\"/> when the server answers outside 2xx.";
        writer.DocXml("remarks", client.Description is null ? usage : SourceWriter.XmlEscape(client.Description) + "\n" + usage);
        using (writer.Block($"{client.Visibility} partial class {client.Name} : {client.InterfaceName}"))
        {
            WriteServer(writer, client.Server);
            writer.Line();
            writer.Line($"private readonly {TypeNames.Runtime}.ApiConnection {Connection};");
            writer.Line();
            var schemes = client.SecuritySchemes.Count > 0 ? ", SecuritySchemes" : string.Empty;
            if (schemes.Length > 0)
            {
                WriteSecuritySchemes(writer, client);
                writer.Line();
            }

            if (client.DocumentSecurity is { } documentSecurity)
            {
                writer.DocXml("summary", $"What the document requires of every operation that does not say otherwise: {Said(documentSecurity)}.");
                writer.Line($"private static readonly {TypeNames.Runtime}.OperationSecurity {DocumentSecurityField} = {SecurityValue(documentSecurity)};");
                writer.Line();
            }

            writer.DocXml("summary", "Creates a client that sends requests through <paramref name=\"httpClient\"/>.");
            writer.DocText("param", "The HttpClient to send with; the caller owns it.", "name=\"httpClient\"");
            writer.DocText("param", "Base address, credentials and User-Agent.", "name=\"options\"");
            using (writer.Block($"public {client.Name}(global::System.Net.Http.HttpClient httpClient, {TypeNames.Runtime}.ApiClientOptions options)"))
            {
                writer.Line(client.Server is { Template: not null }
                    ? $"{Connection} = new {TypeNames.Runtime}.ApiConnection(httpClient, options, {TypeNames.Runtime}.ServerUrl.Expand(ServerUrlTemplate, ServerVariableDefaults, options){schemes});"
                    : $"{Connection} = new {TypeNames.Runtime}.ApiConnection(httpClient, options, DefaultBaseAddress{schemes});");
            }
        }

        if (client.SecuritySchemes.Count > 0)
        {
            writer.Line();
            WriteCredentials(writer, client);
        }

        return writer.Finish();
    }

    /// <summary>The spec's security schemes, as the connection applies them.</summary>
    private static void WriteSecuritySchemes(SourceWriter writer, ClientSpec client)
    {
        writer.DocXml("summary", "The security schemes the spec declares (<c>components.securitySchemes</c>); each operation sends those it requires.");
        using (writer.Block($"public static readonly global::System.Collections.Generic.IReadOnlyList<{TypeNames.Runtime}.SecurityScheme> SecuritySchemes = new {TypeNames.Runtime}.SecurityScheme[]", ";"))
        {
            foreach (var scheme in client.SecuritySchemes)
            {
                var name = SourceWriter.Literal(scheme.Name);
                writer.Line(scheme.Kind switch
                {
                    SecurityKind.Basic => $"{TypeNames.Runtime}.SecurityScheme.Basic({name}),",
                    SecurityKind.Bearer => $"{TypeNames.Runtime}.SecurityScheme.Bearer({name}),",
                    SecurityKind.OAuth2 => $"{TypeNames.Runtime}.SecurityScheme.Bearer({name}, {Literal(scheme.TokenUrl)}, {Literal(scheme.TokenEndpointAuthMethod)}),",
                    _ => $"{TypeNames.Runtime}.SecurityScheme.ApiKey({name}, {TypeNames.Runtime}.SecuritySchemeKind.{scheme.Kind}, {SourceWriter.Literal(scheme.ParameterName!)}),",
                });
            }
        }
    }

    private static string Literal(string? text) => text is null ? "null" : SourceWriter.Literal(text);

    /// <summary>The credentials class: one property per scheme, typed by what the scheme takes.</summary>
    private static void WriteCredentials(SourceWriter writer, ClientSpec client)
    {
        writer.DocXml("summary", $"The credentials {SourceWriter.XmlEscape(client.Title)} declares (<c>components.securitySchemes</c>): set those you have, in <see cref=\"global::ProxyGen.Runtime.ApiClientOptions.Credentials\"/>.");
        writer.DocText("remarks", "Each operation sends the credentials of the first of its security requirements that is set here, and none when it requires none; one whose requirement is not set throws InvalidOperationException before sending.");
        using (writer.Block($"{client.Visibility} sealed partial class {client.CredentialsName} : {TypeNames.Runtime}.ApiCredentials"))
        {
            foreach (var scheme in client.SecuritySchemes)
            {
                var (type, what) = scheme.Kind switch
                {
                    SecurityKind.Basic => ("BasicCredential", "HTTP Basic: a user name and password."),
                    SecurityKind.Bearer => ("BearerToken", $"A bearer token{(scheme.Flows is { } format ? $" ({SourceWriter.XmlEscape(format)})" : string.Empty)}: a fixed one (a string) or <c>new BearerToken(cancellationToken => …)</c> asked before each request."),
                    SecurityKind.OAuth2 => ("BearerToken", $"OAuth2 ({SourceWriter.XmlEscape(scheme.Flows ?? "no flows")}): <c>new OAuth2ClientCredentials {{ ClientId = …, ClientSecret = … }}</c> to have ProxyGen fetch and refresh tokens{(scheme.TokenUrl is { } url ? $" from <c>{SourceWriter.XmlEscape(url)}</c>" : string.Empty)}, or a token or token provider of your own."),
                    SecurityKind.ApiKeyHeader => ("ApiKey", $"An API key, sent in the <c>{SourceWriter.XmlEscape(scheme.ParameterName!)}</c> header."),
                    SecurityKind.ApiKeyQuery => ("ApiKey", $"An API key, sent as the <c>{SourceWriter.XmlEscape(scheme.ParameterName!)}</c> query parameter (and kept out of every error message)."),
                    _ => ("ApiKey", $"An API key, sent as the <c>{SourceWriter.XmlEscape(scheme.ParameterName!)}</c> cookie."),
                };
                writer.DocXml("summary", $"<c>{SourceWriter.XmlEscape(scheme.Name)}</c>: {what}");
                if (scheme.Description is { } description)
                {
                    writer.DocText("remarks", description);
                }

                writer.Line($"public {TypeNames.Runtime}.{type}? {scheme.PropertyName} {{ get; init; }}");
                writer.Line();
            }

            writer.Line("/// <inheritdoc />");
            using (writer.Block($"public override {TypeNames.Runtime}.ApiCredential? For(string schemeName) => schemeName switch", ";"))
            {
                foreach (var scheme in client.SecuritySchemes)
                {
                    writer.Line($"{SourceWriter.Literal(scheme.Name)} => {scheme.PropertyName},");
                }

                writer.Line("_ => null,");
            }
        }
    }

    private static void WriteServer(SourceWriter writer, ServerSpec? server)
    {
        if (server is null)
        {
            writer.DocXml("summary", "The spec names no usable server: set <see cref=\"global::ProxyGen.Runtime.ApiClientOptions.BaseAddress\"/> or the HttpClient's BaseAddress.");
            writer.Line("public static readonly global::System.Uri? DefaultBaseAddress = null;");
            return;
        }

        var summary = server.Template is null
            ? "The server the spec names (<c>servers[0].url</c>); used when neither the options nor the HttpClient give one."
            : "The server the spec names (<c>servers[0].url</c>) with every variable at its default; used when neither the options nor the HttpClient give one.";
        writer.DocXml("summary", summary);
        writer.Line($"public static readonly global::System.Uri DefaultBaseAddress = new global::System.Uri({SourceWriter.Literal(server.DefaultBaseAddress)});");
        if (server.Template is null)
        {
            return;
        }

        writer.Line();
        writer.DocXml("summary", "The server URL as the spec writes it; <see cref=\"global::ProxyGen.Runtime.ApiClientOptions.ServerVariables\"/> sets its variables.");
        writer.Line($"public const string ServerUrlTemplate = {SourceWriter.Literal(server.Template)};");
        writer.Line();
        var variables = string.Join(", ", server.Variables.Select(v =>
            $"<c>{SourceWriter.XmlEscape(v.Name)}</c> = <c>{SourceWriter.XmlEscape(v.Default)}</c>" + (v.Description is null ? string.Empty : $" ({SourceWriter.XmlEscape(v.Description)})")));
        writer.DocXml("summary", $"The default of each server variable: {variables}.");
        using (writer.Block("public static readonly global::System.Collections.Generic.IReadOnlyDictionary<string, string> ServerVariableDefaults = new global::System.Collections.Generic.Dictionary<string, string>", ";"))
        {
            foreach (var variable in server.Variables)
            {
                writer.Line($"[{SourceWriter.Literal(variable.Name)}] = {SourceWriter.Literal(variable.Default)},");
            }
        }
    }

    public static string EmitOperation(EmitContext client, OperationSpec operation)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace, operation.Request?.Fields.Any(f => f.Deprecated) == true);
        var signature = Parameters(operation);

        var buffered = operation.Streamed is not { Only: true };
        using (writer.Block($"{client.Visibility} partial interface {client.InterfaceName}"))
        {
            if (buffered)
            {
                WriteDocs(writer, operation, paged: false);
                writer.Line($"{ReturnType(operation)} {operation.Name}Async({signature});");
            }

            if (operation.Streamed is { } streamed)
            {
                if (buffered)
                {
                    writer.Line();
                }

                WriteDocs(writer, operation, paged: false, streamed);
                writer.Line($"{StreamReturnType(streamed)} {streamed.MethodName}Async({signature});");
            }

            if (operation.Paging is { } paging)
            {
                writer.Line();
                WriteDocs(writer, operation, paged: true);
                writer.Line($"global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Of(paging.ItemType)}> {operation.Name}AllAsync({signature});");
            }
        }

        writer.Line();
        using (writer.Block($"{client.Visibility} partial class {client.Name}"))
        {
            if (operation.Security is { } security && !operation.UsesDocumentSecurity)
            {
                WriteSecurity(writer, operation, security);
            }

            if (buffered)
            {
                WriteMethod(writer, client, operation);
            }

            if (operation.Streamed is { } streamed)
            {
                if (buffered)
                {
                    writer.Line();
                }

                WriteMethod(writer, client, operation, streamed);
            }

            if (operation.Paging is not null)
            {
                writer.Line();
                WritePagedMethod(writer, client, operation);
            }
        }

        if (operation.Request is { } request)
        {
            writer.Line();
            WriteRequestClass(writer, client, operation, request);
        }

        return writer.Finish();
    }

    private static string ReturnType(OperationSpec operation) => operation.Response is { } response
        ? $"global::System.Threading.Tasks.Task<{TypeNames.Of(response)}>"
        : "global::System.Threading.Tasks.Task";

    /// <summary><c>IAsyncEnumerable&lt;ServerSentEvent&lt;T&gt;&gt;</c> for events, <c>IAsyncEnumerable&lt;T&gt;</c> for records.</summary>
    public static string StreamReturnType(StreamedResponseSpec streamed) => streamed.Format == StreamFormat.ServerSentEvents
        ? $"global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Runtime}.ServerSentEvent<{TypeNames.Of(streamed.Item)}>>"
        : $"global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Of(streamed.Item)}>";

    /// <summary>Path arguments, then the JSON or binary body, then the request class, then the cancellation token; optional ones default to null.</summary>
    /// <param name="cancellation">False leaves the cancellation token out (the API baseline's form).</param>
    public static string Parameters(OperationSpec operation, bool enumeratorCancellation = false, bool cancellation = true)
    {
        var parts = operation.PathParameters.Select(p => $"{TypeNames.Of(p.Type)} {p.ArgumentName}").ToList();
        if (operation.Body is { } body)
        {
            // An optional body before a mandatory request argument is nullable but has no default (CS1737).
            var defaulted = !body.Required && operation.Request is not { IsRequired: true };
            parts.Add($"{TypeNames.Of(body.Type)} body" + (defaulted ? " = null" : string.Empty));
        }

        if (operation.Request is { } request)
        {
            parts.Add(request.IsRequired ? $"{request.Name} request" : $"{request.Name}? request = null");
        }

        var attribute = enumeratorCancellation ? "[global::System.Runtime.CompilerServices.EnumeratorCancellation] " : string.Empty;
        if (cancellation)
        {
            parts.Add($"{attribute}{TypeNames.CancellationToken} cancellationToken = default");
        }

        return string.Join(", ", parts);
    }

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, bool paged, StreamedResponseSpec? streamed = null)
    {
        var summary = SourceWriter.XmlEscape(operation.Summary ?? operation.Description ?? $"Calls {operation.OperationId}.");
        if (paged)
        {
            writer.DocXml("summary", $"Streams every item of {SourceWriter.XmlEscape(operation.OperationId)} across all pages, following <c>meta.next_page_url</c> until it is null.\n{summary}");
        }
        else
        {
            writer.DocXml("summary", summary);
        }

        var remarks = $"<c>{SourceWriter.XmlEscape(operation.HttpMethod)} {SourceWriter.XmlEscape(operation.Path)}</c> ({SourceWriter.XmlEscape(operation.OperationId)})";
        if (operation.Description is { } description && description != operation.Summary)
        {
            remarks = SourceWriter.XmlEscape(description) + "\n" + remarks;
        }

        writer.DocXml("remarks", remarks);

        foreach (var parameter in operation.PathParameters)
        {
            writer.DocText("param", parameter.Description ?? $"The {parameter.WireName} path segment.", $"name=\"{parameter.ArgumentName.TrimStart('@')}\"");
        }

        if (operation.Body is { } body)
        {
            var sent = $"Sent as the {body.MediaType} body" + (body.Required ? "." : "; null sends no body.");
            writer.DocText("param", body.Description is null ? sent : body.Description + "\n" + sent, "name=\"body\"");
        }

        if (operation.Request is { } request)
        {
            var text = request.IsRequired
                ? "The fields to send; fields left null are not sent."
                : "The fields to send, or null to send none; fields left null are not sent.";
            writer.DocText("param", text, "name=\"request\"");
        }

        writer.DocText("param", streamed is null ? "Cancels the request." : "Cancels the request and, while enumerating, the stream.", "name=\"cancellationToken\"");
        if (paged)
        {
            writer.DocText("returns", "Every item, page by page, fetched as the caller enumerates.");
        }
        else if (streamed is not null)
        {
            var flag = streamed.FlagProperty is { } property ? $" The body's <c>{property}</c> is sent true; a body that sets it false is refused." : string.Empty;
            writer.DocXml("returns", streamed.Format == StreamFormat.ServerSentEvents
                ? $"Each event of the <c>{streamed.MediaType}</c> answer as it arrives, its data read as {DocType(streamed.Item)}; a <c>[DONE]</c> event ends it. The request is sent when enumeration starts; leaving the loop frees the connection.{flag}"
                : $"Each record of the <c>{SourceWriter.XmlEscape(streamed.MediaType)}</c> answer as it arrives, read as {DocType(streamed.Item)}. The request is sent when enumeration starts; leaving the loop frees the connection.{flag}");
        }
        else if (operation.Response is { } response)
        {
            var flag = operation.Streamed?.FlagProperty is { } property ? $" A body whose <c>{property}</c> is true is refused: call <see cref=\"{operation.Streamed.MethodName}Async\"/> to stream." : string.Empty;
            writer.DocXml("returns", response switch
            {
                { Kind: TypeKind.Model or TypeKind.Enum or TypeKind.Union } => $"The server's <see cref=\"{response.Name}\"/>.",
                { Kind: TypeKind.Array, Element.Kind: TypeKind.Model or TypeKind.Enum or TypeKind.Union } => $"The server's list of <see cref=\"{response.Element.Name}\"/>.",
                _ => "The server's response body.",
            } + flag);
        }

        WriteObsolete(writer, operation);
    }

    /// <summary>A type for a doc comment: a link for a generated type, its C# spelling otherwise.</summary>
    private static string DocType(TypeRef type) => type.Kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union
        ? $"<see cref=\"{type.Name}\"/>"
        : $"<c>{SourceWriter.XmlEscape(TypeNames.Of(type))}</c>";

    private static void WriteObsolete(SourceWriter writer, OperationSpec operation)
    {
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"The spec marks this operation deprecated.\")]");
        }
    }

    /// <summary>The static field of the document's own requirements, which most operations share.</summary>
    private const string DocumentSecurityField = "DocumentSecurity";

    /// <summary>The static field an operation's requirements are in: the document's, or its own <c>_updateShortCodeSecurity</c>.</summary>
    private static string SecurityField(OperationSpec operation) =>
        operation.UsesDocumentSecurity ? DocumentSecurityField : "_" + Naming.Camel(operation.Name).TrimStart('@') + "Security";

    private static string Said(EquatableArray<EquatableArray<string>> security) =>
        security.Count == 0 ? "none (<c>security: []</c>)" : string.Join(" or ", security.Select(a => a.Count == 0 ? "none" : string.Join(" and ", a.Select(n => $"<c>{SourceWriter.XmlEscape(n)}</c>"))));

    private static string SecurityValue(EquatableArray<EquatableArray<string>> security) => security.Count == 0
        ? $"{TypeNames.Runtime}.OperationSecurity.None"
        : $"new {TypeNames.Runtime}.OperationSecurity({string.Join(", ", security.Select(a => a.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", a.Select(SourceWriter.Literal)) + " }"))})";

    private static void WriteSecurity(SourceWriter writer, OperationSpec operation, EquatableArray<EquatableArray<string>> security)
    {
        writer.DocXml("summary", $"What {operation.Name} requires, in the spec's order: {Said(security)}.");
        writer.Line($"private static readonly {TypeNames.Runtime}.OperationSecurity {SecurityField(operation)} = {SecurityValue(security)};");
        writer.Line();
    }

    /// <summary>The method that reads the whole answer, or (<paramref name="streamed"/>) the one that streams it.</summary>
    private static void WriteMethod(SourceWriter writer, EmitContext client, OperationSpec operation, StreamedResponseSpec? streamed = null)
    {
        writer.Line("/// <inheritdoc />");
        WriteObsolete(writer, operation);

        var signature = streamed is null
            ? $"public {ReturnType(operation)} {operation.Name}Async({Parameters(operation)})"
            : $"public {StreamReturnType(streamed)} {streamed.MethodName}Async({Parameters(operation)})";
        using (writer.Block(signature))
        {
            foreach (var parameter in operation.PathParameters)
            {
                if (parameter.Type.Kind == TypeKind.String)
                {
                    writer.Line($"global::System.ArgumentException.ThrowIfNullOrEmpty({parameter.ArgumentName});");
                }
                else if (!TypeNames.IsValueType(parameter.Type))
                {
                    writer.Line($"global::System.ArgumentNullException.ThrowIfNull({parameter.ArgumentName});");
                }
            }

            if (operation.Body is { Required: true } body && !TypeNames.IsValueType(body.Type))
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
            }

            if (operation.Streamed is { FlagProperty: { } flag } stream)
            {
                // The body's own switch between the two answers: each method refuses the other's setting.
                var (refused, use) = streamed is null ? ("true", $"call {stream.MethodName}Async to stream, or leave body.{flag} unset or false") : ("false", $"leave body.{flag} unset or true, or call {operation.Name}Async");
                writer.Line($"if (body.{flag} == {refused}) throw new global::System.ArgumentException({SourceWriter.Literal($"{(streamed is null ? operation.Name : streamed.MethodName)}Async cannot send {StreamedResponseSpec.FlagName}: {refused}: {use}.")}, nameof(body));");
            }

            var request = operation.Request;
            if (request is { IsRequired: true })
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            }

            // Each place a request field can travel gets its own list, named as ApiRequest names it.
            var used = RequestParts.Where(part => request is not null
                && (request.Fields.Any(f => f.Location == part.Location)
                    || (part.Location == FieldLocation.Form && request.HasFormBody)
                    || (part.Location == FieldLocation.Multipart && request.HasMultipartBody))).ToList();
            if (request is not null)
            {
                foreach (var part in used)
                {
                    writer.Line($"var {part.Variable} = new {TypeNames.Runtime}.{part.Type}();");
                }

                if (request.Fields.Count > 0)
                {
                    using (request.IsRequired ? default(SourceWriter.Scope?) : writer.Block("if (request is not null)"))
                    {
                        foreach (var part in used)
                        {
                            foreach (var field in request.Fields.Where(f => f.Location == part.Location))
                            {
                                WriteAdd(writer, part.Variable, field, client.Namespace);
                            }
                        }
                    }
                }

                writer.Line();
            }

            var initializers = used.Select(part => $"{part.Property} = {part.Variable},").ToList();
            if (operation.Body is { } sent)
            {
                initializers.Add(sent.Type.Kind == TypeKind.Stream
                    ? $"Binary = {(sent.Type.Nullable ? "body is null ? null : " : string.Empty)}new {TypeNames.Runtime}.FileContent(body, contentType: {SourceWriter.Literal(sent.MediaType)}),"
                    : $"Json = {JsonBodyExpression(sent, client.Namespace)}{(streamed?.FlagProperty is null ? string.Empty : $".With({SourceWriter.Literal(StreamedResponseSpec.FlagName)}, true)")},");
            }

            if ((streamed is null ? operation.Accept : streamed.MediaType) is { } accept)
            {
                initializers.Add($"Accept = {SourceWriter.Literal(accept)},");
            }

            if (operation.Security is not null)
            {
                initializers.Add($"Security = {SecurityField(operation)},");
            }

            var create = $"var apiRequest = new {TypeNames.Runtime}.ApiRequest({HttpMethodExpression(operation.HttpMethod)}, {PathExpression(operation, client.Namespace)})";
            if (initializers.Count == 0)
            {
                writer.Line(create + ";");
            }
            else
            {
                using (writer.Block(create, ";"))
                {
                    foreach (var initializer in initializers)
                    {
                        writer.Line(initializer);
                    }
                }
            }

            if (streamed is not null)
            {
                var method = streamed.Format == StreamFormat.ServerSentEvents ? "StreamEventsAsync" : "StreamRecordsAsync";
                writer.Line($"return {Connection}.{method}(apiRequest, {ReaderFor(streamed.Item, client.Namespace)}, cancellationToken);");
                return;
            }

            writer.Line(operation.Response is not { } response ? $"return {Connection}.SendAsync(apiRequest, cancellationToken);"
                : operation.ResponseFormat == ResponseFormat.Text ? $"return {Connection}.SendForTextAsync(apiRequest, cancellationToken);"
                : operation.ResponseFormat == ResponseFormat.Binary ? $"return {Connection}.SendForStreamAsync(apiRequest, cancellationToken);"
                : $"return {Connection}.SendAsync(apiRequest, {ReaderFor(response, client.Namespace)}, cancellationToken);");
        }
    }

    /// <summary>
    /// The <c>JsonBody</c> for the <c>body</c> argument: null when an optional body is left out, so nothing is sent.
    /// </summary>
    private static string JsonBodyExpression(BodySpec body, string @namespace)
    {
        var type = body.Type.WithNullable(false);
        var value = body.Type.Nullable && TypeNames.IsValueType(type) ? "body.Value" : "body";
        var create = $"{TypeNames.Runtime}.JsonBody.Create<{TypeNames.Of(type)}>({value}, {TypeNames.ValueWriter(type, @namespace)}, {SourceWriter.Literal(body.MediaType)})";
        return body.Type.Nullable ? $"body is null ? null : {create}" : create;
    }

    private static void WritePagedMethod(SourceWriter writer, EmitContext client, OperationSpec operation)
    {
        var paging = operation.Paging!;
        var page = operation.Response!;
        writer.Line("/// <inheritdoc />");
        WriteObsolete(writer, operation);

        using (writer.Block($"public async global::System.Collections.Generic.IAsyncEnumerable<{TypeNames.Of(paging.ItemType)}> {operation.Name}AllAsync({Parameters(operation, enumeratorCancellation: true)})"))
        {
            var arguments = operation.PathParameters.Select(p => p.ArgumentName).ToList();
            if (operation.Body is not null)
            {
                arguments.Add("body");
            }

            if (operation.Request is not null)
            {
                arguments.Add("request");
            }

            arguments.Add("cancellationToken");
            writer.Line(operation.Security is null ? $"var links = new {TypeNames.Runtime}.PageLinks();" : $"var links = new {TypeNames.Runtime}.PageLinks({SecurityField(operation)});");
            writer.Line($"var page = await {operation.Name}Async({string.Join(", ", arguments)}).ConfigureAwait(false);");
            using (writer.Block("while (true)"))
            {
                using (writer.Block($"if (page.{paging.ItemsProperty} is {{ }} items)"))
                using (writer.Block("foreach (var item in items)"))
                {
                    writer.Line("yield return item;");
                }

                writer.Line();
                using (writer.Block($"if (page.{paging.MetaProperty}?.{paging.NextPageProperty} is not {{ }} nextPageUrl)"))
                {
                    writer.Line("yield break;");
                }

                writer.Line();
                writer.Line($"page = await {Connection}.SendAsync(links.Next(nextPageUrl), {ReaderFor(page, client.Namespace)}, cancellationToken).ConfigureAwait(false);");
            }
        }
    }

    /// <summary>One request field into its list: plain (Twilio's form), styled (OpenAPI's style/explode), JSON text, or a multipart part.</summary>
    private static void WriteAdd(SourceWriter writer, string list, RequestFieldSpec field, string @namespace)
    {
        var wireName = SourceWriter.Literal(field.WireName);
        var value = "request." + field.PropertyName;
        var type = field.Type;
        var contentType = field.Encoding?.ContentType is { } media ? ", " + SourceWriter.Literal(media) : string.Empty;
        if (field.Location == FieldLocation.Multipart)
        {
            writer.Line(type.Kind switch
            {
                TypeKind.File => $"{list}.Add({wireName}, {value}{contentType});",
                TypeKind.Array when type.Element!.Kind == TypeKind.File => $"{list}.AddEach({wireName}, {value}{contentType});",
                TypeKind.Array when type.Element!.IsScalar => $"{list}.AddEach({wireName}, {value}, {Format(type.Element!)}{contentType});",
                _ when type.IsScalar => $"{list}.Add({wireName}, {TypeNames.Runtime}.ParameterText.Of({TypeNames.WireValue(value, type)}){contentType});",
                _ => $"{list}.AddJson({wireName}, {ElementExpression(value, type, @namespace)}{contentType});",
            });
            return;
        }

        if (field.Encoding is { MapPrefix: { } prefix })
        {
            writer.Line($"{list}.AddPrefixedMap({SourceWriter.Literal(prefix)}, {ElementExpression(value, type, @namespace)});");
        }
        else if (field.Encoding is { Style: ParameterStyle.Simple } simple)
        {
            writer.Line($"{list}.Add({wireName}, {TypeNames.Runtime}.ParameterText.Simple({ElementExpression(value, type, @namespace)}, explode: {Bool(simple.Explode)}));");
        }
        else if (field.Encoding is { Style: { } style } styled)
        {
            var reserved = styled.AllowReserved ? ", allowReserved: true" : string.Empty;
            writer.Line($"{list}.AddStyled({wireName}, {ElementExpression(value, type, @namespace)}, {TypeNames.Runtime}.ParameterStyle.{style}, explode: {Bool(styled.Explode)}{reserved});");
        }
        else if (field.Encoding is { AsJson: true })
        {
            writer.Line($"{list}.Add({wireName}, {TypeNames.Runtime}.ParameterText.Of({ElementExpression(value, type, @namespace)}));");
        }
        else if (type.Kind == TypeKind.Array)
        {
            writer.Line($"{list}.AddEach({wireName}, {value}, {Format(type.Element!)});");
        }
        else
        {
            writer.Line($"{list}.Add({wireName}, {TypeNames.WireValue(value, type)});");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>How a field's value is written, for its documentation: the style, or the media type of its text or part.</summary>
    private static string HowSent(RequestFieldSpec field) => field.Encoding switch
    {
        { MapPrefix: { } prefix } => $" as <c>{SourceWriter.XmlEscape(prefix)}.{{key}}={{value}}</c> pairs (Twilio's prefixed map)",
        { Style: { } style } encoding => $", in the {ParameterStyles.SpecName(style)} style" + (encoding.Explode ? ", exploded" : string.Empty) + (encoding.AllowReserved ? ", reserved characters unescaped" : string.Empty),
        { AsJson: true } => ", as JSON text",
        { ContentType: { } type } => $" ({SourceWriter.XmlEscape(type)})",
        _ => string.Empty,
    };


    /// <summary>The <c>Func&lt;T, string?&gt;</c> that formats one list item: an enum's wire value, else <c>ParameterText.Of</c>.</summary>
    private static string Format(TypeRef item) => item.Kind is TypeKind.Enum or TypeKind.HttpMethod
        ? (item.Nullable ? "static item => item?.Value" : "static item => item.Value")
        : TypeNames.ParameterFormatter(item) ?? $"{TypeNames.Runtime}.ParameterText.Of";

    /// <summary>
    /// The value as a <c>JsonElement?</c>, written by its generated writer (null stays null): what the runtime styles,
    /// so that models, maps, unions and lists of any depth need no code of their own.
    /// </summary>
    private static string ElementExpression(string value, TypeRef type, string @namespace)
    {
        var nonNullable = type.WithNullable(false);
        var reference = type.Kind is TypeKind.Array or TypeKind.Map ? type.WithNullable(true) : nonNullable;
        var element = $"{TypeNames.JsonWrite}.ToElement<{TypeNames.Of(reference)}>({(type.Nullable && TypeNames.IsValueType(type) ? value + ".Value" : value)}, {TypeNames.ValueWriter(nonNullable, @namespace)})";
        return type.Nullable ? $"{value} is null ? null : {element}" : element;
    }

    /// <summary>Reads a whole response body; lists and maps go through a lambda because their reader takes an item reader.</summary>
    private static string ReaderFor(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Array or TypeKind.Map =>
            $"static (ref {TypeNames.Utf8JsonReader} reader) => {TypeNames.ReadExpression(type, @namespace)} ?? throw new global::System.Text.Json.JsonException(\"The response body is null.\")",
        _ => TypeNames.ItemReader(type.WithNullable(false), @namespace),
    };

    /// <summary>The <c>HttpMethod</c> of a method the spec names; one HttpMethod has no property for is created by name.</summary>
    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => $"new global::System.Net.Http.HttpMethod({SourceWriter.Literal(method)})",
    };

    /// <summary>The path as a concatenation that writes each path parameter in its style, percent-encoded as one segment.</summary>
    private static string PathExpression(OperationSpec operation, string @namespace) => string.Join(" + ", operation.PathParts.Select(part =>
    {
        if (!part.IsParameter)
        {
            return SourceWriter.Literal(part.Text);
        }

        var parameter = operation.PathParameters.First(p => p.WireName == part.Text);
        var value = TypeNames.WireValue(parameter.ArgumentName, parameter.Type);
        if (!parameter.Type.IsScalar)
        {
            return $"{TypeNames.Runtime}.PathSegment.Styled({SourceWriter.Literal(parameter.WireName)}, {ElementExpression(parameter.ArgumentName, parameter.Type, @namespace)}, {TypeNames.Runtime}.ParameterStyle.{parameter.Style}, explode: {Bool(parameter.Explode)})";
        }

        return parameter.Style == ParameterStyle.Simple
            ? $"{TypeNames.Runtime}.PathSegment.Encode({value})"
            : $"{TypeNames.Runtime}.PathSegment.Styled({SourceWriter.Literal(parameter.WireName)}, {(parameter.Type.Kind is TypeKind.String or TypeKind.Enum or TypeKind.HttpMethod ? value : $"{TypeNames.Runtime}.ParameterText.Of({value})")}, {TypeNames.Runtime}.ParameterStyle.{parameter.Style})";
    }));

    private static void WriteRequestClass(SourceWriter writer, EmitContext client, OperationSpec operation, RequestSpec request)
    {
        writer.Summary(
            request.Description ?? $"The fields of {operation.OperationId}. A field left null is not sent.",
            request.Description is null ? null : "A field left null is not sent.");
        using (writer.Block($"{client.Visibility} sealed partial class {request.Name}"))
        {
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
                    FieldLocation.Cookie => "cookie",
                    FieldLocation.Multipart => field.Type.Kind == TypeKind.File || field.Type.Element?.Kind == TypeKind.File ? "file part" : "multipart field",
                    _ => "form field",
                };
                // Where the field goes is said once, in its summary, after what the spec says of it.
                var sent = $"Sent as the {where} <c>{SourceWriter.XmlEscape(field.WireName)}</c>{HowSent(field)}.";
                writer.DocXml("summary", field.Description is { } description ? SourceWriter.XmlEscape(description.TrimEnd()) + " " + sent : sent);
                if (field.Deprecated && !field.Required)
                {
                    writer.Line($"[global::System.Obsolete(\"The spec marks this {where} deprecated.\")]");
                }

                var required = field.Required ? "required " : string.Empty;
                writer.Line($"public {required}{TypeNames.Of(field.Type)} {field.PropertyName} {{ get; set; }}");
            }
        }
    }
}
