namespace ProxyGen.Runtime;

/// <summary>Where a generated client sends requests and how it signs them. A client reads them once, when it is created.</summary>
public sealed class ApiClientOptions
{
    /// <summary>
    /// The server's base address. When null, the HttpClient's <see cref="System.Net.Http.HttpClient.BaseAddress"/>
    /// is used, and when that is null too, the spec's <c>servers[0].url</c>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The HTTP Basic user name (Twilio: the Account SID or an API key SID). Null sends no Authorization header.</summary>
    public string? Username { get; set; }

    /// <summary>The HTTP Basic password (Twilio: the Auth Token or API key secret). Never printed by <see cref="ToString"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The credentials for the security schemes the spec declares: the generated <c>…ClientCredentials</c> with a
    /// property per scheme. Each operation sends those of the first of its requirements that is set, and nothing when
    /// it requires none. An <c>http basic</c> scheme left unset here uses <see cref="Username"/> and <see cref="Password"/>.
    /// </summary>
    public ApiCredentials? Credentials { get; set; }

    /// <summary>A product token sent before ProxyGen's own in the User-Agent header, e.g. <c>my-app/1.2</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Values for the variables of the spec's server URL (<c>https://{region}.example.com</c>), by variable name;
    /// a variable not set here takes the spec's default. Ignored when <see cref="BaseAddress"/> or the HttpClient's
    /// base address is set, and when the spec's server has no variables.
    /// </summary>
    public IDictionary<string, string> ServerVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Allows credentials over plain <c>http://</c> to a host other than this machine. Off by default: Basic auth over
    /// http hands the Account SID and Auth Token to anyone on the path. Loopback addresses are always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The largest response body the client reads, in bytes (default 32 MiB); a larger one is an
    /// <see cref="ApiException"/> of kind <see cref="ApiErrorKind.ResponseTooLarge"/>. The HttpClient's
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> applies too, whichever is smaller.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// How long a streamed response (Server-Sent Events, JSON Lines) may send nothing before it is given up, with an
    /// <see cref="ApiException"/> of kind <see cref="ApiErrorKind.StreamIdle"/> (default 5 minutes;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever). The HttpClient's timeout covers only the wait for the
    /// response headers of a stream, so a healthy stream may last hours; <see cref="MaxResponseBytes"/> bounds each
    /// event or record, not the whole stream.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Describes the options without the password (nor any user information in the base address).</summary>
    public override string ToString() =>
        $"BaseAddress={ApiException.Redact(BaseAddress)?.ToString() ?? "(default)"}, Username={Username ?? "(none)"}, Password={(Password is null ? "(none)" : "***")}, Credentials={Credentials?.ToString() ?? "(none)"}, UserAgent={UserAgent ?? "(default)"}";
}
