using System.Linq;

namespace ProxyGen.Generator.Model;

/// <summary>Everything the emitters need to write the client for one OpenAPI document.</summary>
/// <remarks>
/// The model is the cache key of the incremental pipeline, so it holds only plain, equatable data:
/// C#-ready names and resolved types in records and <see cref="EquatableArray{T}"/>s. It must never
/// hold an <c>ISymbol</c>, <c>SyntaxNode</c>, <c>Location</c>, <c>Compilation</c> or any
/// <c>Microsoft.OpenApi</c> object; those would keep old compilations alive and defeat caching.
/// Diagnostics travel beside the model (<see cref="ProxyGen.Generator.Diagnostics.DiagnosticInfo"/>), never inside it.
/// </remarks>
internal sealed record ApiSpec(
    ClientSpec Client,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<UnionSpec> Unions)
{
    /// <summary>What the API sends to the user (webhooks, callbacks): the handler's events.</summary>
    public EquatableArray<WebhookSpec> Webhooks { get; init; } = EquatableArray<WebhookSpec>.Empty;

    /// <summary>The webhook handler's input; null when the document describes no webhook or callback ProxyGen reads.</summary>
    public WebhooksSpec? WebhookHandler => Webhooks.Count == 0 ? null : new(Client.Context, GeneratedNames.WebhookHandlerOf(Client.Name), Webhooks);

    /// <summary>False for a document of webhooks alone: there is no API to call, so no client class.</summary>
    public bool HasClient => Operations.Count > 0 || Webhooks.Count == 0;

    /// <summary>Every type name this spec puts into <see cref="ClientSpec.Namespace"/>.</summary>
    public GeneratedTypes Types => new(
        Client.Context,
        (HasClient ? new[] { Client.Name, Client.InterfaceName, Client.JsonResolverName } : new[] { Client.JsonResolverName })
            .Concat(HasClient && Client.SecuritySchemes.Count > 0 ? new[] { Client.CredentialsName } : System.Array.Empty<string>())
            .Concat(WebhookHandler is { } handler ? new[] { handler.HandlerName } : System.Array.Empty<string>())
            .Concat(Models.Select(m => m.Name))
            .Concat(Enums.Select(e => e.Name))
            .Concat(Unions.SelectMany(u => UnionVariantNames(u)))
            .Concat(Operations.Where(o => o.Request is not null).Select(o => o.Request!.Name))
            .ToEquatableArray());

    /// <summary>What the client's System.Text.Json resolver hands out: every generated model, enum and union.</summary>
    public JsonTypesSpec JsonTypes => new(
        Client.Context,
        Models.Select(m => m.Name).Concat(Enums.Select(e => e.Name)).Concat(Unions.Select(u => u.Name)).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray());

    /// <summary>The types a union declares: itself and, when it has a discriminator, one class per variant.</summary>
    private static System.Collections.Generic.IEnumerable<string> UnionVariantNames(UnionSpec union) =>
        new[] { union.Name, union.UnknownName }.Concat(union.Alternatives.Select(a => a.VariantName)).OfType<string>();
}

/// <summary>The generated types a client's <c>JsonResolver</c> knows.</summary>
internal sealed record JsonTypesSpec(EmitContext Client, EquatableArray<string> TypeNames);

/// <summary>Which spec generates which client: the first spec of a namespace and client name owns that client's files.</summary>
internal sealed record SpecOwner(string Namespace, string ClientName, string SpecPath)
{
    /// <summary>True when <paramref name="client"/>'s spec is the first of <paramref name="owners"/> to generate that client.</summary>
    public static bool Owns(System.Collections.Immutable.ImmutableArray<SpecOwner> owners, ClientSpec client)
    {
        foreach (var owner in owners)
        {
            if (owner.Namespace == client.Namespace && owner.ClientName == client.Name)
            {
                return owner.SpecPath == client.SpecPath;
            }
        }

        return true;
    }
}

/// <summary>The type names one spec generates, to find two specs that would declare the same type in one namespace.</summary>
internal sealed record GeneratedTypes(EmitContext Client, EquatableArray<string> Names);

/// <summary>The client class a spec becomes: where it lives, what it is called, where it talks to by default.</summary>
/// <param name="Visibility">The C# accessibility of every generated type: <c>public</c> or <c>internal</c>.</param>
/// <param name="SpecPath">The spec file's path, for diagnostics about the spec as a whole.</param>
/// <param name="SecuritySchemes">The schemes of <c>components.securitySchemes</c> ProxyGen applies; empty: none declared (HTTP Basic from the options, as before).</param>
internal sealed record ClientSpec(
    string Namespace,
    string Name,
    string Visibility,
    string Title,
    string? Description,
    ServerSpec? Server,
    string SpecFileName,
    string SpecPath,
    EquatableArray<SecuritySchemeSpec> SecuritySchemes)
{
    /// <summary>
    /// When the item selects some operations: which, in words (<c>paths /a/**; excluding tags Beta</c>), and how many of
    /// the document's operations that keeps; null for the whole document.
    /// </summary>
    public string? Subset { get; init; }

    /// <summary>The document's own <c>security</c> (alternatives of scheme names), which most operations share; null without one.</summary>
    public EquatableArray<EquatableArray<string>>? DocumentSecurity { get; init; }

    /// <summary>The interface every operation is declared on (<c>IProxyV1Client</c>).</summary>
    public string InterfaceName => GeneratedNames.InterfaceOf(Name);

    /// <summary>The System.Text.Json resolver for every generated type (<c>ProxyV1ClientJsonResolver</c>).</summary>
    public string JsonResolverName => GeneratedNames.JsonResolverOf(Name);

    /// <summary>The credentials class, one property per security scheme (<c>BoxClientCredentials</c>); only when the spec declares schemes.</summary>
    public string CredentialsName => GeneratedNames.CredentialsOf(Name);

    /// <summary>What the other files read of the client; they are paired with this, so editing the spec's description re-emits the client file only.</summary>
    public EmitContext Context => new(Namespace, Name, Visibility, Title, SpecFileName, SpecPath);
}

/// <summary>
/// The few values of the client that every generated file other than the client's own reads: namespace, names,
/// visibility, the spec's title and file. Operations, models, enums and unions are paired with this, not the whole
/// <see cref="ClientSpec"/>, so that an edit to the spec's description or server re-emits only the client file.
/// </summary>
internal sealed record EmitContext(string Namespace, string Name, string Visibility, string Title, string SpecFileName, string SpecPath)
{
    /// <summary>
    /// When the item selects some operations: which, in words (<c>paths /a/**; excluding tags Beta</c>), and how many of
    /// the document's operations that keeps; null for the whole document.
    /// </summary>
    public string? Subset { get; init; }

    /// <summary>The document's own <c>security</c> (alternatives of scheme names), which most operations share; null without one.</summary>
    public EquatableArray<EquatableArray<string>>? DocumentSecurity { get; init; }

    /// <summary>The interface every operation is declared on (<c>IProxyV1Client</c>).</summary>
    public string InterfaceName => GeneratedNames.InterfaceOf(Name);

    /// <summary>The System.Text.Json resolver for every generated type (<c>ProxyV1ClientJsonResolver</c>).</summary>
    public string JsonResolverName => GeneratedNames.JsonResolverOf(Name);
}

/// <summary>The spec's first server.</summary>
/// <param name="DefaultBaseAddress">The absolute URL with every variable set to its default.</param>
/// <param name="Template">The URL as written, when it has variables (<c>https://{region}.example.com</c>).</param>
internal sealed record ServerSpec(string DefaultBaseAddress, string? Template, EquatableArray<ServerVariableSpec> Variables);

/// <summary>A server URL variable and its default.</summary>
internal sealed record ServerVariableSpec(string Name, string Default, string? Description);
