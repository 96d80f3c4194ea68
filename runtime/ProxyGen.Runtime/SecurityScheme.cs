using System.ComponentModel;

namespace ProxyGen.Runtime;

/// <summary>What kind of credential a security scheme takes and where it goes.</summary>
public enum SecuritySchemeKind
{
    /// <summary><c>http</c> <c>basic</c>: <c>Authorization: Basic …</c>.</summary>
    Basic,

    /// <summary><c>http</c> <c>bearer</c>, <c>oauth2</c> or <c>openIdConnect</c>: <c>Authorization: Bearer …</c>.</summary>
    Bearer,

    /// <summary><c>apiKey</c> <c>in: header</c>.</summary>
    ApiKeyHeader,

    /// <summary><c>apiKey</c> <c>in: query</c>.</summary>
    ApiKeyQuery,

    /// <summary><c>apiKey</c> <c>in: cookie</c>.</summary>
    ApiKeyCookie,
}

/// <summary>
/// A security scheme of the spec (<c>components.securitySchemes</c>), as a generated client hands it to its
/// <see cref="ApiConnection"/>: its name, kind, and for an API key the parameter, for OAuth2 the token endpoint.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SecurityScheme
{
    private SecurityScheme(string name, SecuritySchemeKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Kind = kind;
    }

    /// <summary>The scheme's key in <c>components.securitySchemes</c>.</summary>
    public string Name { get; }

    /// <summary>What it takes.</summary>
    public SecuritySchemeKind Kind { get; }

    /// <summary>The header, query parameter or cookie name of an API key.</summary>
    public string? ParameterName { get; private init; }

    /// <summary>The OAuth2 token endpoint the spec names (its <c>clientCredentials</c> flow's, else any flow's).</summary>
    public string? TokenUrl { get; private init; }

    /// <summary>
    /// How the client authenticates at the token endpoint when the spec says (<c>x-token-endpoint-auth-method</c>:
    /// <c>client_secret_basic</c> or <c>client_secret_post</c>); null lets ProxyGen use Basic, then the form.
    /// </summary>
    public string? TokenEndpointAuthMethod { get; private init; }

    /// <summary><c>http</c> <c>basic</c>.</summary>
    public static SecurityScheme Basic(string name) => new(name, SecuritySchemeKind.Basic);

    /// <summary><c>http</c> <c>bearer</c>, <c>openIdConnect</c>, or <c>oauth2</c> with the token endpoint its flows name.</summary>
    public static SecurityScheme Bearer(string name, string? tokenUrl = null, string? tokenEndpointAuthMethod = null) =>
        new(name, SecuritySchemeKind.Bearer) { TokenUrl = tokenUrl, TokenEndpointAuthMethod = tokenEndpointAuthMethod };

    /// <summary><c>apiKey</c> in a header, query parameter or cookie named <paramref name="parameterName"/>.</summary>
    public static SecurityScheme ApiKey(string name, SecuritySchemeKind kind, string parameterName)
    {
        if (kind is not (SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery or SecuritySchemeKind.ApiKeyCookie))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An API key goes in a header, query parameter or cookie.");
        }

        ArgumentNullException.ThrowIfNull(parameterName);
        return new SecurityScheme(name, kind) { ParameterName = parameterName };
    }

    /// <summary>The scheme's name and kind.</summary>
    public override string ToString() => $"{Name} ({Kind})";
}

/// <summary>
/// An operation's security requirements, as the spec says them: alternatives (any one will do, tried in order), each a
/// set of schemes that are all sent. <see cref="None"/> (<c>security: []</c>) sends no credentials.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OperationSecurity
{
    /// <summary>Creates the requirements: each alternative lists the scheme names it needs together.</summary>
    public OperationSecurity(params string[][] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        Alternatives = alternatives.Select(a => (IReadOnlyList<string>)a.ToArray()).ToArray();
    }

    /// <summary><c>security: []</c>: the operation takes no credentials, and none are sent.</summary>
    public static OperationSecurity None { get; } = new();

    /// <summary>The alternatives, in the spec's order; an empty one means "no credentials" is acceptable.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; }

    /// <summary>The alternatives as the spec would write them: <c>a + b | c</c>.</summary>
    public override string ToString() => Alternatives.Count == 0 ? "(none)" : string.Join(" | ", Alternatives.Select(a => a.Count == 0 ? "(none)" : string.Join(" + ", a)));
}
