using System.ComponentModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// Sends the requests of a generated client: resolves the address, adds HTTP Basic auth, <c>Accept</c> and
/// <c>User-Agent</c>, encodes the form body, turns non-2xx answers into <see cref="ApiException"/> and reads JSON
/// with the reader the generator emitted (no reflection).
/// </summary>
/// <remarks>
/// Trusts the caller's settings, not the server: credentials go only to the origin of the base address (next-page
/// links are resolved and checked, redirects of non-GET requests are refused), header values cannot carry line breaks,
/// and a response is read within the HttpClient's timeout and a byte limit. See docs/security.md.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiConnection
{
    private static readonly string ProductToken = "ProxyGen/" + (typeof(ApiConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly HttpClient _httpClient;
    private readonly Uri? _baseAddress;
    private readonly string? _pathPrefix;
    /// <summary>What a spec without security schemes sends: HTTP Basic from the options, made once.</summary>
    private readonly SentCredentials? _legacyCredentials;
    private readonly Dictionary<string, (SecurityScheme Scheme, ApiCredential Credential)>? _credentials;

    /// <summary>The schemes ProxyGen applies; any other a requirement names (digest, mutual TLS) is the handlers' job.</summary>
    private readonly HashSet<string>? _applied;

    /// <summary>Per operation's requirements, the one this connection meets: decided on the first request.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<OperationSecurity, SecurityPlan> _plans = new();
    private readonly bool _allowInsecureHttp;
    private readonly string _userAgent;
    private readonly long _maxResponseBytes;
    private readonly TimeSpan _streamIdleTimeout;

    /// <summary>Creates the connection a generated client uses. The options are read here, once.</summary>
    /// <param name="httpClient">Sends the requests; owned by the caller.</param>
    /// <param name="options">Base address, credentials, User-Agent, limits.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when neither the options nor the HttpClient name one.</param>
    /// <exception cref="ArgumentException">
    /// The base address is not an absolute http(s) address or carries user information; credentials would travel over
    /// plain http to a host other than this machine without <see cref="ApiClientOptions.AllowInsecureHttp"/>; the user
    /// name holds ':'; or the user name, password or User-Agent holds a control character.
    /// </exception>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, Uri? defaultBaseAddress)
        : this(httpClient, options, defaultBaseAddress, securitySchemes: null)
    {
    }

    /// <summary>Creates the connection of a client whose spec declares <paramref name="securitySchemes"/>.</summary>
    /// <param name="httpClient">Sends the requests; owned by the caller.</param>
    /// <param name="options">Base address, credentials, User-Agent, limits.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when neither the options nor the HttpClient name one.</param>
    /// <param name="securitySchemes">
    /// The spec's <c>components.securitySchemes</c>; each request then sends what its <see cref="ApiRequest.Security"/>
    /// requires. Null (a spec that declares none): HTTP Basic on every request when a user name is set.
    /// </param>
    /// <exception cref="ArgumentException">As the other constructor, and: a credential is not of its scheme's kind.</exception>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, Uri? defaultBaseAddress, IReadOnlyList<SecurityScheme>? securitySchemes)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? defaultBaseAddress;
        if (_baseAddress is not null)
        {
            if (!_baseAddress.IsAbsoluteUri || (_baseAddress.Scheme != Uri.UriSchemeHttps && _baseAddress.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException("The base address must be an absolute http or https address.", nameof(options));
            }

            if (_baseAddress.UserInfo.Length > 0)
            {
                // Not echoed: the user information may be a password.
                throw new ArgumentException("The base address carries user information; set ApiClientOptions.Username and Password instead.", nameof(options));
            }

            _pathPrefix = _baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        if (options.Username is not null)
        {
            if (options.Username.Contains(':') || HasControlCharacter(options.Username) || (options.Password is not null && HasControlCharacter(options.Password)))
            {
                throw new ArgumentException("The user name may not contain ':', and neither it nor the password may contain control characters.", nameof(options));
            }

            if (_baseAddress is { Scheme: "http", IsLoopback: false } && !options.AllowInsecureHttp)
            {
                throw new ArgumentException(
                    $"Credentials would be sent in clear text to {_baseAddress.GetLeftPart(UriPartial.Authority)}. Use https, or set ApiClientOptions.AllowInsecureHttp for a network you trust.",
                    nameof(options));
            }

            if (securitySchemes is null)
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
                _legacyCredentials = new SentCredentials { Authorization = new AuthenticationHeaderValue("Basic", credentials) };
            }
        }

        _allowInsecureHttp = options.AllowInsecureHttp;
        if (securitySchemes is not null)
        {
            _credentials = Configured(securitySchemes, options);
            _applied = new HashSet<string>(securitySchemes.Select(s => s.Name), StringComparer.Ordinal);
            if (_credentials.Count > 0 && _baseAddress is { Scheme: "http", IsLoopback: false } && !options.AllowInsecureHttp)
            {
                throw new ArgumentException(
                    $"Credentials would be sent in clear text to {_baseAddress.GetLeftPart(UriPartial.Authority)}. Use https, or set ApiClientOptions.AllowInsecureHttp for a network you trust.",
                    nameof(options));
            }
        }

        if (options.UserAgent is not null && HasControlCharacter(options.UserAgent))
        {
            throw new ArgumentException("ApiClientOptions.UserAgent may not contain control characters (a line break would start a second header).", nameof(options));
        }

        if (options.MaxResponseBytes <= 0)
        {
            throw new ArgumentException("ApiClientOptions.MaxResponseBytes must be positive.", nameof(options));
        }

        _userAgent = string.IsNullOrWhiteSpace(options.UserAgent) ? ProductToken : options.UserAgent.Trim() + " " + ProductToken;
        _maxResponseBytes = Math.Min(options.MaxResponseBytes, httpClient.MaxResponseContentBufferSize);
        _streamIdleTimeout = options.StreamIdleTimeout == Timeout.InfiniteTimeSpan || options.StreamIdleTimeout > TimeSpan.Zero
            ? options.StreamIdleTimeout
            : throw new ArgumentException("ApiClientOptions.StreamIdleTimeout must be positive, or Timeout.InfiniteTimeSpan.", nameof(options));
    }

    /// <summary>The address requests are sent to.</summary>
    public Uri BaseAddress => _baseAddress
        ?? throw new InvalidOperationException("No base address: set ApiClientOptions.BaseAddress or HttpClient.BaseAddress (the spec names no server).");

    /// <summary>Sends <paramref name="request"/> and reads the JSON response with <paramref name="readResponse"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonValueReader<T> readResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readResponse);
        var address = Address(request);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(request, address, timeout.Token).ConfigureAwait(false);
            var body = await BodyReader.ReadAsync(response.Content, _maxResponseBytes, timeout.Token).ConfigureAwait(false)
                ?? throw TooLarge(request, address, response);
            try
            {
                return Read(body.Buffer.AsSpan(0, body.Length), readResponse);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                var text = Encoding.UTF8.GetString(body.Buffer, 0, Math.Min(body.Length, ApiException.MaxErrorBodyBytes));
                throw new ApiException(
                    $"{request.Method} {address.AbsolutePath} answered {(int)response.StatusCode} with a body that could not be read as {Readable(typeof(T))}: {ApiException.Printable(exception.Message, 300)}",
                    response.StatusCode,
                    request.Method,
                    address,
                    text,
                    requestId: ApiException.RequestIdOf(response),
                    innerException: exception,
                    kind: ApiErrorKind.InvalidBody,
                    isResponseBodyTruncated: body.Length > ApiException.MaxErrorBodyBytes);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(exception);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the 2xx body as a stream, for downloads: dispose it to release the
    /// connection. Reading it is not bounded by MaxResponseBytes nor by the HttpClient's timeout (a download may be
    /// large and slow); pass a token to its ReadAsync calls to bound them.
    /// </summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var address = Address(request);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            var response = await SendCheckedAsync(request, address, timeout.Token).ConfigureAwait(false);
            try
            {
                return new ResponseStream(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), response);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(exception);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the 2xx body as text, decoded with the charset the server names
    /// (UTF-8 when it names none or one .NET does not know), within MaxResponseBytes.
    /// </summary>
    public async Task<string> SendForTextAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var address = Address(request);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(request, address, timeout.Token).ConfigureAwait(false);
            var body = await BodyReader.ReadAsync(response.Content, _maxResponseBytes, timeout.Token).ConfigureAwait(false)
                ?? throw TooLarge(request, address, response);
            try
            {
                return TextEncoding(response.Content.Headers.ContentType?.CharSet).GetString(body.Buffer, 0, body.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(exception);
        }
    }

    private static Encoding TextEncoding(string? charset)
    {
        try
        {
            return charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>Sends <paramref name="request"/>; any 2xx answer is success and its body is ignored.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var address = Address(request);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await SendCheckedAsync(request, address, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(exception);
        }
    }

    /// <summary>Sends the request and returns a 2xx response whose body is still unread; anything else throws.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(ApiRequest request, Uri address, CancellationToken cancellationToken)
    {
        var credentials = await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        var (response, sentTo) = await SendOnceAsync(request, address, credentials, cancellationToken).ConfigureAwait(false);

        // A token ProxyGen fetched and the server refused: fetched again and the request sent once more, never twice.
        if (response.StatusCode == HttpStatusCode.Unauthorized
            && credentials?.Refreshable is { } refreshable
            && response.Headers.WwwAuthenticate.Any(c => string.Equals(c.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            && request.Binary is null && request.Multipart is null
            && refreshable.Source.Invalidate(refreshable.Token))
        {
            response.Dispose();
            credentials = await AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            (response, sentTo) = await SendOnceAsync(request, address, credentials, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // The handler reuses the message when it follows a redirect: a changed address means it followed one. For a
            // POST it has already re-sent the request as a GET, and the caller must not mistake that answer for success.
            if (sentTo != (credentials?.WithQuery(address) ?? address) && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            {
                throw new ApiException(
                    $"{request.Method} {address.AbsolutePath} was redirected to {ApiException.Printable(ApiException.Redact(sentTo)?.GetLeftPart(UriPartial.Path), 300)}, which ProxyGen does not follow for a {request.Method}: the request would be re-sent as something else.",
                    response.StatusCode,
                    request.Method,
                    address,
                    responseBody: null,
                    requestId: ApiException.RequestIdOf(response),
                    kind: ApiErrorKind.RedirectRefused);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ApiException.FromResponseAsync(response, request.Method, address, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message; returns the response and the address the message ended at (after any redirect).</summary>
    private async Task<(HttpResponseMessage Response, Uri? SentTo)> SendOnceAsync(ApiRequest request, Uri address, SentCredentials? credentials, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request, credentials?.WithQuery(address) ?? address, credentials);
        var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return (response, message.RequestUri);
    }

    private HttpRequestMessage CreateMessage(ApiRequest request, Uri address, SentCredentials? credentials)
    {
        var message = new HttpRequestMessage(request.Method, address);
        if (request.Accept is null)
        {
            message.Headers.Accept.Add(AcceptJson);
        }
        else if (!message.Headers.TryAddWithoutValidation("Accept", request.Accept) || HasControlCharacter(request.Accept))
        {
            throw new ArgumentException("ApiRequest.Accept is not a valid Accept header.", nameof(request));
        }

        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Headers.Authorization = credentials?.Authorization;
        var headers = credentials?.Headers is { Count: > 0 } keyHeaders ? (request.Headers?.Items ?? []).Concat(keyHeaders) : request.Headers?.Items;
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                if (!ParameterList.IsToken(header.Key))
                {
                    throw new ArgumentException($"'{ApiException.Printable(header.Key, 100)}' is not a valid header name.", header.Key);
                }

                if (header.Value.Any(c => c != '\t' && char.IsControl(c)))
                {
                    throw new ArgumentException($"The value of the header '{header.Key}' contains a line break or another control character.", header.Key);
                }

                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var cookies = request.Cookies?.ToCookieHeader();
        if (credentials?.Cookies is { Count: > 0 } keyCookies)
        {
            var keys = string.Join("; ", keyCookies.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));
            cookies = cookies is null ? keys : cookies + "; " + keys;
        }

        if (cookies is not null)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        if ((request.Form is null ? 0 : 1) + (request.Json is null ? 0 : 1) + (request.Multipart is null ? 0 : 1) + (request.Binary is null ? 0 : 1) > 1)
        {
            throw new ArgumentException("A request has one body at most: form, JSON, multipart or binary.", nameof(request));
        }

        message.Content = request switch
        {
            { Form: { } form } => form.ToFormContent(),
            { Json: { } json } => json.ToContent(),
            { Multipart: { } multipart } => multipart.ToContent(),
            { Binary: { } binary } => binary.ToContent(null),
            _ => null,
        };

        return message;
    }

    /// <summary>Where <paramref name="request"/> goes. Whatever the server or the caller wrote, the result is on the base address's origin.</summary>
    private Uri Address(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseAddress = BaseAddress;
        if (request.NextPageLink is { } link)
        {
            // Resolved as a browser would, then checked: a relative "@evil/x" or "//evil/x" cannot borrow the credentials.
            var target = link.IsAbsoluteUri ? link : new Uri(baseAddress, link);
            if (!SameOrigin(target, baseAddress) || target.UserInfo.Length > 0)
            {
                throw new ApiException(
                    $"The server's next page '{ApiException.Printable(ApiException.Redact(target)!.GetLeftPart(UriPartial.Path), 300)}' is not on {baseAddress.GetLeftPart(UriPartial.Authority)}; ProxyGen does not send credentials there.",
                    statusCode: null,
                    HttpMethod.Get,
                    target,
                    responseBody: null,
                    kind: ApiErrorKind.NextPageRefused);
            }

            return target;
        }

        var text = request.Query is { Count: > 0 } query
            ? _pathPrefix + request.Path + "?" + query.ToQueryString()
            : _pathPrefix + request.Path;
        var address = new Uri(text, UriKind.Absolute);
        return SameOrigin(address, baseAddress)
            ? address
            : throw new ArgumentException($"The request path '{ApiException.Printable(request.Path, 200)}' leaves the base address.", nameof(request));
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        // HttpClient.Timeout covers only the wait for the headers when they are read first; this covers the body too.
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_httpClient.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_httpClient.Timeout);
        }

        return timeout;
    }

    private static bool TimedOut(CancellationTokenSource timeout, CancellationToken callerToken) =>
        timeout.IsCancellationRequested && !callerToken.IsCancellationRequested;

    private TaskCanceledException TimeoutError(OperationCanceledException exception) => new(
        $"The request was canceled due to the configured HttpClient.Timeout of {_httpClient.Timeout.TotalSeconds} seconds elapsing.",
        new TimeoutException(exception.Message, exception));

    private ApiException TooLarge(ApiRequest request, Uri address, HttpResponseMessage response) => new(
        $"{request.Method} {address.AbsolutePath} answered {(int)response.StatusCode} with a body larger than {_maxResponseBytes} bytes (ApiClientOptions.MaxResponseBytes or HttpClient.MaxResponseContentBufferSize).",
        response.StatusCode,
        request.Method,
        address,
        responseBody: null,
        requestId: ApiException.RequestIdOf(response),
        kind: ApiErrorKind.ResponseTooLarge,
        isResponseBodyTruncated: true);

    private static T Read<T>(ReadOnlySpan<byte> body, JsonValueReader<T> readResponse)
    {
        // A UTF-8 byte order mark is allowed before JSON text (RFC 8259 §8.1 lets a reader ignore it).
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var reader = new Utf8JsonReader(body, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The response body is empty.");
        }

        T value;
        try
        {
            value = readResponse(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            // Where the reader stopped names the member: the path is found by reading the body again, only now.
            var path = JsonPath.At(body, reader.TokenStartIndex, ReaderOptions);
            if (exception is MissingRequiredMemberException missing)
            {
                path = JsonPath.Member(path, missing.MemberName);
            }

            throw new JsonException($"{exception.Message} (at {path})", path, lineNumber: null, bytePositionInLine: null, exception);
        }

        if (reader.Read())
        {
            throw new JsonException($"The response body has data after its JSON value (at byte {reader.TokenStartIndex}).");
        }

        return value;
    }

    /// <summary>The schemes the caller has a credential for, each checked against its kind.</summary>
    private static Dictionary<string, (SecurityScheme, ApiCredential)> Configured(IReadOnlyList<SecurityScheme> schemes, ApiClientOptions options)
    {
        var configured = new Dictionary<string, (SecurityScheme, ApiCredential)>(StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            var credential = options.Credentials?.For(scheme.Name);
            if (credential is null && scheme.Kind == SecuritySchemeKind.Basic && options.Username is not null)
            {
                credential = new BasicCredential { Username = options.Username!, Password = options.Password ?? string.Empty };
            }

            if (credential is null)
            {
                continue;
            }

            var fits = (scheme.Kind, credential) switch
            {
                (SecuritySchemeKind.Basic, BasicCredential basicCredential) => IsValidBasic(basicCredential),
                (SecuritySchemeKind.Bearer, BearerToken) => true,
                (SecuritySchemeKind.ApiKeyHeader, ApiKey) => ParameterList.IsToken(scheme.ParameterName!),
                (SecuritySchemeKind.ApiKeyCookie, ApiKey) => ParameterList.IsToken(scheme.ParameterName!),
                (SecuritySchemeKind.ApiKeyQuery, ApiKey) => scheme.ParameterName!.Length > 0,
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentException(
                    $"The credential for '{scheme.Name}' ({credential.GetType().Name}) does not fit that scheme ({scheme.Kind}), or it holds ':' in a user name or a control character.",
                    nameof(options));
            }

            configured[scheme.Name] = (scheme, credential);
        }

        return configured;
    }

    private static bool IsValidBasic(BasicCredential credential) =>
        !credential.Username.Contains(':') && !HasControlCharacter(credential.Username) && !HasControlCharacter(credential.Password);

    /// <summary>
    /// The credentials <paramref name="request"/> sends: those of the first of its requirements the caller has set,
    /// none when it requires none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The operation needs credentials the caller has not set.</exception>
    private async ValueTask<SentCredentials?> AuthenticateAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (_credentials is null)
        {
            return _legacyCredentials;
        }

        // No requirement, or `security: []`: the operation takes no credentials, and none are sent.
        if (request.Security is not { Alternatives.Count: > 0 } security)
        {
            return null;
        }

        // Which requirement to meet depends only on the options, read once: decided once per operation, and what
        // does not change between requests (Basic, API keys) made once too.
        var plan = _plans.GetOrAdd(security, static (s, connection) => connection.PlanFor(s), this);
        if (plan.Alternative is not { } alternative)
        {
            throw new InvalidOperationException(
                $"{request.Method} {request.Path} needs credentials for {security}, which are not set: set them in ApiClientOptions.Credentials (an http basic scheme also takes ApiClientOptions.Username and Password).");
        }

        if (!plan.HasBearer)
        {
            return plan.Fixed;
        }

        var sent = plan.Fixed?.Copy() ?? new SentCredentials();
        foreach (var name in alternative)
        {
            if (_credentials.TryGetValue(name, out var configured) && configured.Credential is BearerToken bearer)
            {
                var context = new TokenContext(_httpClient, configured.Scheme, _baseAddress, _allowInsecureHttp, _userAgent);
                var token = await bearer.GetAsync(context, cancellationToken).ConfigureAwait(false);
                sent.Authorization = new AuthenticationHeaderValue("Bearer", token);
                sent.Refreshable = (bearer, token);
            }
        }

        return sent;
    }

    /// <summary>
    /// The requirement an operation meets: the first whose schemes are all set (so optional auth,
    /// <c>[{}, {token: []}]</c>, sends the token when there is one); else an empty requirement; else the first whose
    /// other schemes ProxyGen cannot apply (http digest, mutual TLS: PXG0030), which a handler of the caller's adds.
    /// </summary>
    private SecurityPlan PlanFor(OperationSecurity security)
    {
        var credentials = _credentials!;
        IReadOnlyList<string>? alternative = null;
        foreach (var candidate in security.Alternatives)
        {
            if (candidate.Count > 0 && candidate.All(credentials.ContainsKey))
            {
                alternative = candidate;
                break;
            }
        }

        alternative ??= security.Alternatives.FirstOrDefault(a => a.All(name => credentials.ContainsKey(name) || !_applied!.Contains(name)));
        if (alternative is null)
        {
            return new SecurityPlan(null, null, HasBearer: false);
        }

        SentCredentials? fixedPart = null;
        var hasBearer = false;
        foreach (var name in alternative.Where(credentials.ContainsKey))
        {
            var (scheme, credential) = credentials[name];
            switch (credential)
            {
                case BasicCredential basic:
                    (fixedPart ??= new SentCredentials()).Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic.Username + ":" + basic.Password)));
                    break;
                case BearerToken:
                    hasBearer = true;
                    break;
                case ApiKey key when scheme.Kind == SecuritySchemeKind.ApiKeyHeader:
                    ((fixedPart ??= new SentCredentials()).Headers ??= new()).Add(new(scheme.ParameterName!, key.Value));
                    break;
                case ApiKey key when scheme.Kind == SecuritySchemeKind.ApiKeyQuery:
                    ((fixedPart ??= new SentCredentials()).Query ??= new()).Add(new(scheme.ParameterName!, key.Value));
                    break;
                case ApiKey key:
                    ((fixedPart ??= new SentCredentials()).Cookies ??= new()).Add(new(scheme.ParameterName!, key.Value));
                    break;
            }
        }

        return new SecurityPlan(alternative, fixedPart, hasBearer);
    }

    /// <summary>The requirement an operation meets (null: none can be), and what it sends that never changes.</summary>
    private sealed record SecurityPlan(IReadOnlyList<string>? Alternative, SentCredentials? Fixed, bool HasBearer);

    /// <summary>What one request carries for its security requirement; shared by requests when it holds no token.</summary>
    private sealed class SentCredentials
    {
        public AuthenticationHeaderValue? Authorization { get; set; }

        public List<KeyValuePair<string, string>>? Headers { get; set; }

        public List<KeyValuePair<string, string>>? Query { get; set; }

        public List<KeyValuePair<string, string>>? Cookies { get; set; }

        /// <summary>A copy to add a token to: the lists are never changed after the plan is made, so they are shared.</summary>
        public SentCredentials Copy() => new() { Authorization = Authorization, Headers = Headers, Query = Query, Cookies = Cookies };

        /// <summary>A bearer token ProxyGen fetched and can fetch again after a 401.</summary>
        public (BearerToken Source, string Token)? Refreshable { get; set; }

        /// <summary>The address with the query API keys: only the request message ever holds it, never an exception.</summary>
        public Uri WithQuery(Uri address)
        {
            if (Query is not { Count: > 0 })
            {
                return address;
            }

            var keys = string.Join("&", Query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            return new Uri(address.AbsoluteUri + (address.Query.Length > 0 ? "&" : "?") + keys);
        }
    }

    /// <summary>A type's name as C# writes it: <c>IReadOnlyList&lt;Record&gt;</c>, not <c>IReadOnlyList`1</c>.</summary>
    private static string Readable(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Readable)) + ">"
        : type.Name;

    private static bool SameOrigin(Uri address, Uri baseAddress) =>
        string.Equals(address.Scheme, baseAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(address.IdnHost, baseAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && address.Port == baseAddress.Port;

    private static bool HasControlCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
