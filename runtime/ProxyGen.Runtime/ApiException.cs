using System.Net;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// The server answered with something the client will not accept: a status outside 2xx, a body that cannot be read or
/// is too large, a redirect of a request that changes data, or a next-page link it will not follow (see <see cref="Kind"/>).
/// Carries what the server said: status, Twilio's error <see cref="Code"/> and <see cref="MoreInfo"/>, the body and the
/// request id. Never carries credentials: addresses are shown without user information, and the message holds no
/// control characters from the server.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>The most of an error body kept in <see cref="ResponseBody"/>: 64 KiB.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Creates the exception; generated clients and <see cref="ApiConnection"/> call this.</summary>
    public ApiException(
        string message,
        HttpStatusCode? statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? responseBody,
        int? code = null,
        string? moreInfo = null,
        string? requestId = null,
        string? serverMessage = null,
        Exception? innerException = null,
        ApiErrorKind kind = ApiErrorKind.HttpError,
        bool isResponseBodyTruncated = false)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        RequestUri = Redact(requestUri);
        ResponseBody = responseBody;
        Code = code;
        MoreInfo = moreInfo;
        RequestId = requestId;
        ServerMessage = serverMessage;
        Kind = kind;
        IsResponseBodyTruncated = isResponseBodyTruncated;
    }

    /// <summary>What went wrong.</summary>
    public ApiErrorKind Kind { get; }

    /// <summary>The HTTP status of the response; null when the request was refused before any response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's address, without user information.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The response body as text, whatever its format; for errors, at most the first <see cref="MaxErrorBodyBytes"/>.</summary>
    public string? ResponseBody { get; }

    /// <summary>True when the server sent more than <see cref="ResponseBody"/> holds.</summary>
    public bool IsResponseBodyTruncated { get; }

    /// <summary>Twilio's error code (the body's <c>code</c>), e.g. 20404.</summary>
    public int? Code { get; }

    /// <summary>The body's <c>more_info</c> link to the error's documentation.</summary>
    public string? MoreInfo { get; }

    /// <summary>The <c>Twilio-Request-Id</c> response header, for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>The body's <c>message</c>, exactly as the server wrote it.</summary>
    public string? ServerMessage { get; }

    internal static async Task<ApiException> FromResponseAsync(HttpResponseMessage response, HttpMethod method, Uri requestUri, long maxBytes, CancellationToken cancellationToken)
    {
        var (bytes, length, truncated) = await BodyReader.ReadPrefixAsync(response.Content, (int)Math.Min(MaxErrorBodyBytes, maxBytes), cancellationToken).ConfigureAwait(false);
        var body = Encoding.UTF8.GetString(bytes, 0, length);
        var (code, moreInfo, serverMessage) = truncated ? default : TwilioConventions.ReadError(body);
        var requestId = RequestIdOf(response);
        var status = (int)response.StatusCode;
        var text = serverMessage ?? (body.Length == 0 ? response.ReasonPhrase : body);
        var location = status is >= 300 and < 400 && response.Headers.Location is { } target
            ? $" (Location: {Printable(Redact(target.IsAbsoluteUri ? target : new Uri(requestUri, target))!.ToString(), 300)})"
            : string.Empty;
        var message = $"{method} {requestUri.AbsolutePath} failed with {status} {Printable(response.ReasonPhrase, 100)}{location}"
            + (code is null ? string.Empty : $" (code {code})")
            + (string.IsNullOrEmpty(text) ? "." : $": {Printable(text, 200)}")
            + (moreInfo is null ? string.Empty : $" See {Printable(moreInfo, 300)}");
        return new ApiException(message, response.StatusCode, method, requestUri, body, code, moreInfo, requestId, serverMessage, isResponseBodyTruncated: truncated);
    }

    internal static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(TwilioConventions.RequestIdHeader, out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// Server text made safe to print in one line of a log: control characters (CR, LF, ESC …) become spaces and
    /// long text is cut at <paramref name="maxLength"/> characters.
    /// </summary>
    internal static string Printable(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > maxLength;
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 1);
        foreach (var c in cut ? text.AsSpan(0, maxLength) : text.AsSpan())
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return builder.ToString().Trim() + (cut ? "…" : string.Empty);
    }

    /// <summary>The address without its user information (<c>user:password@</c>), which must never be printed.</summary>
    internal static Uri? Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
        {
            return uri;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }
}
