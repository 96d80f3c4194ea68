namespace ProxyGen.Runtime;

/// <summary>What went wrong, for an <see cref="ApiException"/>.</summary>
public enum ApiErrorKind
{
    /// <summary>The server answered with a status outside 2xx (or a 3xx the HttpClient did not follow).</summary>
    HttpError,

    /// <summary>A 2xx answer whose body is not the JSON the spec describes (or has data after it).</summary>
    InvalidBody,

    /// <summary>The body is larger than <see cref="ApiClientOptions.MaxResponseBytes"/> or the HttpClient's buffer limit.</summary>
    ResponseTooLarge,

    /// <summary>A request other than GET or HEAD was redirected; the HttpClient would have re-sent it as something else.</summary>
    RedirectRefused,

    /// <summary>A <c>next_page_url</c> that is not a URI, points to another origin, or repeats a page already read.</summary>
    NextPageRefused,

    /// <summary>
    /// An OAuth2 token endpoint refused the client's credentials or answered something that is not a token (HTML, no
    /// <c>access_token</c> or <c>expires_in</c>, a body over 64 KiB, a token with control characters).
    /// </summary>
    TokenRequestFailed,

    /// <summary>
    /// A streamed response (Server-Sent Events, JSON Lines) sent nothing for <see cref="ApiClientOptions.StreamIdleTimeout"/>.
    /// </summary>
    StreamIdle,
}
