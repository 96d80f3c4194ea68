using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>How a client proves itself at an OAuth2 token endpoint (RFC 6749 §2.3.1).</summary>
public enum ClientAuthentication
{
    /// <summary>What the spec says (<c>x-token-endpoint-auth-method</c>); else Basic, and the form if Basic is refused.</summary>
    Automatic,

    /// <summary><c>client_secret_basic</c>: <c>Authorization: Basic</c> with the form-encoded id and secret.</summary>
    Basic,

    /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> in the form body.</summary>
    Form,
}

/// <summary>
/// OAuth2 client credentials (RFC 6749 §4.4) for an <c>oauth2</c> scheme: ProxyGen asks the token endpoint for a
/// token, keeps it until shortly before it expires, shares it between concurrent calls (one request for a new token
/// at a time), and after a 401 with <c>WWW-Authenticate: Bearer</c> fetches a new one and retries once.
/// </summary>
/// <remarks>
/// The client id and secret go only to the token endpoint: the spec's <c>tokenUrl</c> (or <see cref="TokenUrl"/>),
/// over https unless it is this machine or <see cref="ApiClientOptions.AllowInsecureHttp"/> is set. One instance
/// keeps one token per token endpoint and scope set; keep it for the application's lifetime (a singleton).
/// </remarks>
public sealed class OAuth2ClientCredentials : BearerToken
{
    /// <summary>The most of a token endpoint's answer that is read: 64 KiB.</summary>
    public const int MaxTokenResponseBytes = 64 * 1024;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _cached;
    private bool _basicRefused;

    /// <summary>Creates empty client credentials; set <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public OAuth2ClientCredentials()
    {
    }

    /// <summary>The client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret. Never printed.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>The scopes to ask for (sent space-separated as <c>scope</c>); none sends no <c>scope</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>
    /// Further form parameters some token endpoints need (Box: <c>box_subject_type</c>, <c>box_subject_id</c>; Auth0:
    /// <c>audience</c>), sent after <c>grant_type</c> and <c>scope</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The token endpoint, when it is not the spec's <c>tokenUrl</c> (a sandbox, a proxy, a test server).</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>How the client id and secret are sent; see <see cref="ClientAuthentication"/>.</summary>
    public ClientAuthentication Authentication { get; init; }

    /// <summary>The clock for expiry (tests pass their own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The client id, never the secret.</summary>
    public override string ToString() => $"OAuth2ClientCredentials {ClientId}:***";

    internal override async ValueTask<string> GetAsync(TokenContext context, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint(context);
        var key = endpoint.AbsoluteUri + " " + string.Join(" ", Scopes) + " " + string.Join("&", Parameters.Select(p => p.Key + "=" + p.Value));
        if (Fresh(key) is { } token)
        {
            return token;
        }

        // One request for a new token at a time; those who waited use the token it brought.
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(key) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var (accessToken, lifetime) = await RequestAsync(context, endpoint, cancellationToken).ConfigureAwait(false);

            // Refreshed shortly before it expires: a tenth of its life early, at most a minute.
            var early = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 10));
            _cached = new CachedToken(key, accessToken, TimeProvider.GetUtcNow() + lifetime - early);
            return accessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    internal override bool Invalidate(string token)
    {
        var cached = _cached;
        if (cached is not null && cached.Token == token)
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
            return true;
        }

        return false;
    }

    private string? Fresh(string key) =>
        _cached is { } cached && cached.Key == key && TimeProvider.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private Uri Endpoint(TokenContext context)
    {
        var text = TokenUrl?.OriginalString ?? context.Scheme.TokenUrl
            ?? throw new InvalidOperationException($"The security scheme '{context.Scheme.Name}' names no token endpoint: set OAuth2ClientCredentials.TokenUrl.");
        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var endpoint))
        {
            throw new InvalidOperationException($"The token endpoint of '{context.Scheme.Name}' is not a URI.");
        }

        if (!endpoint.IsAbsoluteUri)
        {
            endpoint = context.BaseAddress is { } baseAddress
                ? new Uri(baseAddress, endpoint)
                : throw new InvalidOperationException($"The token endpoint of '{context.Scheme.Name}' is relative and the client has no base address.");
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException("The token endpoint must be an http or https address.");
        }

        if (endpoint.UserInfo.Length > 0)
        {
            throw new InvalidOperationException("The token endpoint carries user information; ProxyGen sends the client id and secret itself.");
        }

        if (endpoint is { Scheme: "http", IsLoopback: false } && !context.AllowInsecureHttp)
        {
            throw new InvalidOperationException(
                $"The client secret would be sent in clear text to {endpoint.GetLeftPart(UriPartial.Authority)}. Use https, or set ApiClientOptions.AllowInsecureHttp for a network you trust.");
        }

        return endpoint;
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(TokenContext context, Uri endpoint, CancellationToken cancellationToken)
    {
        if (ClientId.Contains(':') || HasControlCharacter(ClientId) || HasControlCharacter(ClientSecret))
        {
            throw new InvalidOperationException("The client id may not contain ':', and neither it nor the secret may contain control characters.");
        }

        var method = Authentication switch
        {
            ClientAuthentication.Automatic when context.Scheme.TokenEndpointAuthMethod == "client_secret_post" || _basicRefused => ClientAuthentication.Form,
            ClientAuthentication.Automatic => ClientAuthentication.Basic,
            _ => Authentication,
        };

        using var response = await SendAsync(context, endpoint, method, cancellationToken).ConfigureAwait(false);
        if (Authentication == ClientAuthentication.Automatic && method == ClientAuthentication.Basic
            && context.Scheme.TokenEndpointAuthMethod is null && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            // Basic is the default RFC 6749 asks servers to support; some take the credentials only in the form.
            using var retried = await SendAsync(context, endpoint, ClientAuthentication.Form, cancellationToken).ConfigureAwait(false);
            var result = await ReadAsync(retried, endpoint, cancellationToken).ConfigureAwait(false);
            _basicRefused = true;
            return result;
        }

        return await ReadAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(TokenContext context, Uri endpoint, ClientAuthentication method, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(" ", Scopes)));
        }

        form.AddRange(Parameters.Where(p => p.Key is not ("grant_type" or "scope" or "client_id" or "client_secret")));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (method == ClientAuthentication.Form)
        {
            form.Add(new("client_id", ClientId));
            form.Add(new("client_secret", ClientSecret));
        }
        else
        {
            // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined and base64-encoded.
            var pair = Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", context.UserAgent);
        var response = await context.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (request.RequestUri != endpoint)
        {
            var target = ApiException.Redact(request.RequestUri);
            response.Dispose();
            throw Failed($"The token endpoint {endpoint.GetLeftPart(UriPartial.Path)} redirected to {ApiException.Printable(target?.GetLeftPart(UriPartial.Path), 200)}; ProxyGen does not follow a token request elsewhere.", null, endpoint, null);
        }

        return response;
    }

    private static async Task<(string Token, TimeSpan Lifetime)> ReadAsync(HttpResponseMessage response, Uri endpoint, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(response.Content, MaxTokenResponseBytes, cancellationToken).ConfigureAwait(false)
            ?? throw Failed($"The token endpoint answered more than {MaxTokenResponseBytes} bytes.", response.StatusCode, endpoint, null);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(body.Buffer, 0, body.Length);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(body.Buffer);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failed($"The token endpoint answered {(int)response.StatusCode}: {ApiException.Printable(ErrorOf(text) ?? text, 300)}", response.StatusCode, endpoint, text);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && mediaType != "application/json" && !mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            throw Failed($"The token endpoint answered {mediaType}, not a JSON token.", response.StatusCode, endpoint, text);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String)
            {
                throw Failed("The token endpoint's answer has no access_token.", response.StatusCode, endpoint, null);
            }

            if (root.TryGetProperty("token_type", out var type) && !string.Equals(type.GetString(), "bearer", StringComparison.OrdinalIgnoreCase))
            {
                throw Failed($"The token endpoint gave a '{ApiException.Printable(type.ToString(), 40)}' token; ProxyGen sends bearer tokens only.", response.StatusCode, endpoint, null);
            }

            if (!root.TryGetProperty("expires_in", out var expires) || Seconds(expires) is not { } seconds)
            {
                throw Failed("The token endpoint's answer has no usable expires_in, so ProxyGen cannot know when to ask again.", response.StatusCode, endpoint, null);
            }

            var token = tokenElement.GetString()!;
            if (token.Length == 0 || token.Any(char.IsControl) || token.Trim() != token)
            {
                throw Failed("The token endpoint gave a token that is empty or holds spaces around it or control characters.", response.StatusCode, endpoint, null);
            }

            return (token, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException exception)
        {
            throw Failed("The token endpoint's answer is not JSON: " + exception.Message, response.StatusCode, endpoint, text);
        }
    }

    /// <summary>A positive lifetime in seconds, as a number or a numeric string, at most a year.</summary>
    private static double? Seconds(JsonElement value)
    {
        var seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => double.NaN,
        };
        return seconds > 0 && seconds <= 365 * 24 * 3600 ? seconds : null;
    }

    /// <summary>RFC 6749 §5.2's <c>error</c> and <c>error_description</c>, when the body has them.</summary>
    private static string? ErrorOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? error.ToString() + (document.RootElement.TryGetProperty("error_description", out var description) ? ": " + description : string.Empty)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The error; a body that may hold a token is never passed here (only error answers and non-JSON ones are).</summary>
    private static ApiException Failed(string message, HttpStatusCode? status, Uri endpoint, string? body) => new(
        message,
        status,
        HttpMethod.Post,
        endpoint,
        body is null ? null : body.Length > ApiException.MaxErrorBodyBytes ? body[..ApiException.MaxErrorBodyBytes] : body,
        kind: ApiErrorKind.TokenRequestFailed);

    private sealed record CachedToken(string Key, string Token, DateTimeOffset RefreshAt);
}
