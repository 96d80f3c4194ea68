using System.ComponentModel;
namespace ProxyGen.Runtime;

/// <summary>One request a generated method wants sent: method, path and the parameters to encode.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    /// <summary>Creates a request for <paramref name="path"/>, relative to the client's base address.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with '/', so it could change the host.</exception>
    public ApiRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("A request path must start with '/'.", nameof(path));
        }

        Method = method;
        Path = path;
    }

    private ApiRequest(Uri nextPageLink)
    {
        Method = HttpMethod.Get;
        Path = nextPageLink.IsAbsoluteUri ? nextPageLink.AbsolutePath : nextPageLink.OriginalString;
        NextPageLink = nextPageLink;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path with its parameters already encoded, e.g. <c>/v1/Services/KS…</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Set for a next-page request: the server's link to the page, absolute or relative to the base address. The
    /// connection resolves it and refuses any result on another origin than the base address.
    /// </summary>
    public Uri? NextPageLink { get; }

    /// <summary>Query parameters; null or empty sends none.</summary>
    public ParameterList? Query { get; init; }

    /// <summary>Request headers.</summary>
    public ParameterList? Headers { get; init; }

    /// <summary>Cookies, sent in one <c>Cookie</c> header (<c>name=value; name2=value2</c>), values percent-encoded.</summary>
    public ParameterList? Cookies { get; init; }

    /// <summary>The form body. Null sends no body; an empty list sends an empty form body.</summary>
    public ParameterList? Form { get; init; }

    /// <summary>The JSON body. Null sends none. A request has at most one body: form, JSON, multipart or binary.</summary>
    public JsonBody? Json { get; init; }

    /// <summary>The <c>multipart/form-data</c> body. Null sends none.</summary>
    public MultipartBody? Multipart { get; init; }

    /// <summary>A binary body sent as it is, with its media type. Null sends none.</summary>
    public FileContent? Binary { get; init; }

    /// <summary>
    /// The operation's security requirements; null when the spec gives it none (nothing is sent, or, for a spec that
    /// declares no schemes at all, HTTP Basic whenever a user name is set).
    /// </summary>
    public OperationSecurity? Security { get; init; }

    /// <summary>The media types the operation answers with, for the Accept header; null asks for <c>application/json</c>.</summary>
    public string? Accept { get; init; }

    /// <summary>A GET of the page the server named in <c>meta.next_page_url</c>. <see cref="PageLinks"/> also stops loops.</summary>
    public static ApiRequest NextPage(Uri nextPageUrl, OperationSecurity? security = null)
    {
        ArgumentNullException.ThrowIfNull(nextPageUrl);
        return new ApiRequest(nextPageUrl) { Security = security };
    }
}

/// <summary>
/// The next-page links one walk over a list has followed. A server that sends a link twice would keep the walk going
/// forever; the second time, the walk stops with an <see cref="ApiException"/> instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PageLinks
{
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);
    private readonly OperationSecurity? _security;

    /// <summary>Starts a walk; every page is asked for with the first page's <paramref name="security"/>.</summary>
    public PageLinks(OperationSecurity? security = null) => _security = security;

    /// <summary>The request for the page at <paramref name="link"/>, as the server wrote it in <c>meta.next_page_url</c>.</summary>
    /// <exception cref="ApiException">The link is not a URI, or was already followed (<see cref="ApiErrorKind.NextPageRefused"/>).</exception>
    public ApiRequest Next(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri))
        {
            throw Refused($"The server's next page link '{ApiException.Printable(link, 200)}' is not a URI.", null);
        }

        return Next(uri);
    }

    /// <summary>The request for the page at <paramref name="link"/>.</summary>
    /// <exception cref="ApiException">The link was already followed (<see cref="ApiErrorKind.NextPageRefused"/>).</exception>
    public ApiRequest Next(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!_followed.Add(link.OriginalString))
        {
            throw Refused($"The server sent the next page link '{ApiException.Printable(link.OriginalString, 200)}' a second time; the pages would never end.", link.IsAbsoluteUri ? link : null);
        }

        return ApiRequest.NextPage(link, _security);
    }

    private static ApiException Refused(string message, Uri? link) =>
        new(message, statusCode: null, HttpMethod.Get, ApiException.Redact(link), responseBody: null, kind: ApiErrorKind.NextPageRefused);
}
