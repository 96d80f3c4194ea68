namespace ProxyGen.Runtime;

/// <summary>
/// The credentials a caller has for the security schemes a spec declares. Each generated client has a subclass
/// (<c>BoxClientCredentials</c>) with one property per scheme of <c>components.securitySchemes</c>; set the ones you
/// have and put it in <see cref="ApiClientOptions.Credentials"/>. Each operation sends only what it requires.
/// </summary>
public abstract class ApiCredentials
{
    /// <summary>The credential set for the scheme the spec names <paramref name="schemeName"/>, or null.</summary>
    public abstract ApiCredential? For(string schemeName);

    /// <summary>Names which schemes are set, never a secret.</summary>
    public override string ToString() => GetType().Name;
}

/// <summary>One credential: <see cref="BasicCredential"/>, <see cref="BearerToken"/> (or <see cref="OAuth2ClientCredentials"/>) or <see cref="ApiKey"/>.</summary>
public abstract class ApiCredential
{
    private protected ApiCredential()
    {
    }

    /// <summary>True when <paramref name="text"/> holds a control character (CR/LF would start a new header).</summary>
    private protected static bool HasControlCharacter(string text) => text.Any(char.IsControl);
}

/// <summary>A user name and password for an <c>http</c> <c>basic</c> scheme. Never printed.</summary>
public sealed class BasicCredential : ApiCredential
{
    /// <summary>The user name (Twilio: the Account SID or an API key SID). It may not contain ':'.</summary>
    public required string Username { get; init; }

    /// <summary>The password (Twilio: the Auth Token or the API key's secret).</summary>
    public required string Password { get; init; }

    /// <summary>The user name and a placeholder for the password.</summary>
    public override string ToString() => $"Basic {Username}:***";
}

/// <summary>
/// A bearer token for an <c>http</c> <c>bearer</c>, <c>oauth2</c> or <c>openIdConnect</c> scheme: a fixed token
/// (<c>Token = "…"</c> or simply a string), or a provider asked before each request, which is where a token library
/// (MSAL's <c>AcquireTokenForClient</c>, Azure.Identity's <c>GetTokenAsync</c>, a Kiota <c>IAccessTokenProvider</c>)
/// plugs in; it should cache its tokens itself. <see cref="OAuth2ClientCredentials"/> is one that ProxyGen runs.
/// </summary>
public class BearerToken : ApiCredential
{
    private readonly string? _token;
    private readonly Func<CancellationToken, ValueTask<string>>? _provider;

    /// <summary>A fixed token.</summary>
    /// <exception cref="ArgumentException">The token is empty or holds a control character.</exception>
    public BearerToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _token = Checked(token);
    }

    /// <summary>A token asked of <paramref name="provider"/> before every request that needs it.</summary>
    public BearerToken(Func<CancellationToken, ValueTask<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    private protected BearerToken()
    {
    }

    /// <summary>A fixed token, so that <c>OAuth2 = "token"</c> reads naturally in an initializer.</summary>
    public static implicit operator BearerToken(string token) => new(token);

    /// <summary>The token to send now.</summary>
    internal virtual async ValueTask<string> GetAsync(TokenContext context, CancellationToken cancellationToken) =>
        _token ?? Checked(await _provider!(cancellationToken).ConfigureAwait(false) ?? string.Empty);

    /// <summary>The server refused <paramref name="token"/>: a token ProxyGen fetched is fetched again.</summary>
    internal virtual bool Invalidate(string token) => false;

    /// <summary>Never the token.</summary>
    public override string ToString() => "Bearer ***";

    private protected static string Checked(string token) =>
        token.Length == 0 || HasControlCharacter(token) || token.Trim() != token
            ? throw new ArgumentException("A bearer token must be non-empty, without spaces around it or control characters.", nameof(token))
            : token;
}

/// <summary>An API key for an <c>apiKey</c> scheme, sent in the header, query parameter or cookie the spec names.</summary>
public sealed class ApiKey : ApiCredential
{
    /// <summary>A key.</summary>
    /// <exception cref="ArgumentException">The key is empty or holds a control character.</exception>
    public ApiKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value.Length == 0 || HasControlCharacter(value)
            ? throw new ArgumentException("An API key must be non-empty and without control characters.", nameof(value))
            : value;
    }

    /// <summary>The key, so that <c>ApiKeyAuth = "key"</c> reads naturally in an initializer.</summary>
    public static implicit operator ApiKey(string value) => new(value);

    internal string Value { get; }

    /// <summary>Never the key.</summary>
    public override string ToString() => "ApiKey ***";
}

/// <summary>What a token source needs to know of the client that asks: where to send, how, and within which limits.</summary>
internal sealed record TokenContext(HttpClient HttpClient, SecurityScheme Scheme, Uri? BaseAddress, bool AllowInsecureHttp, string UserAgent);
