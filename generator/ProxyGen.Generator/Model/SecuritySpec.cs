namespace ProxyGen.Generator.Model;

/// <summary>What a security scheme takes; the names match the runtime's <c>SecuritySchemeKind</c> except <see cref="OAuth2"/>.</summary>
internal enum SecurityKind
{
    /// <summary><c>http</c> <c>basic</c>.</summary>
    Basic,

    /// <summary><c>http</c> <c>bearer</c> or <c>openIdConnect</c>: a token the caller supplies.</summary>
    Bearer,

    /// <summary><c>oauth2</c>: a token the caller supplies, or client credentials ProxyGen exchanges for one.</summary>
    OAuth2,

    /// <summary><c>apiKey</c> <c>in: header</c>.</summary>
    ApiKeyHeader,

    /// <summary><c>apiKey</c> <c>in: query</c>.</summary>
    ApiKeyQuery,

    /// <summary><c>apiKey</c> <c>in: cookie</c>.</summary>
    ApiKeyCookie,
}

/// <summary>One scheme of <c>components.securitySchemes</c> that ProxyGen can apply.</summary>
/// <param name="Name">The scheme's key in the spec, which requirements name.</param>
/// <param name="PropertyName">Its property on the generated credentials class.</param>
/// <param name="ParameterName">An API key's header, query parameter or cookie name.</param>
/// <param name="TokenUrl">OAuth2: the <c>clientCredentials</c> flow's token URL, else another flow's.</param>
/// <param name="TokenEndpointAuthMethod">OAuth2: <c>x-token-endpoint-auth-method</c>, when the spec gives it.</param>
/// <param name="Flows">OAuth2: the flows the spec declares, for the documentation.</param>
internal sealed record SecuritySchemeSpec(
    string Name,
    string PropertyName,
    SecurityKind Kind,
    string? ParameterName,
    string? TokenUrl,
    string? TokenEndpointAuthMethod,
    string? Flows,
    string? Description);
