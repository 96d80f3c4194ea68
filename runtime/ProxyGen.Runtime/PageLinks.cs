namespace ProxyGen.Runtime;

/// <summary>
/// The next-page links one walk over a list has followed. A server that sends a link twice would keep the walk going
/// forever; the second time, the walk stops with an <see cref="ApiException"/> instead.
/// </summary>
public sealed class PageLinks
{
    private readonly HashSet<string> _followed = new(StringComparer.Ordinal);

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

        return ApiRequest.NextPage(link);
    }

    private static ApiException Refused(string message, Uri? link) =>
        new(message, statusCode: null, HttpMethod.Get, ApiException.Redact(link), responseBody: null, kind: ApiErrorKind.NextPageRefused);
}
