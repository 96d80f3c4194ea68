namespace ProxyGen.Runtime;

/// <summary>One request a generated method wants sent: method, path and the parameters to encode.</summary>
public sealed class ApiRequest
{
    /// <summary>Creates a request for <paramref name="path"/>, relative to the client's base address.</summary>
    public ApiRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    private ApiRequest(Uri absoluteUri)
    {
        Method = HttpMethod.Get;
        Path = absoluteUri.AbsolutePath;
        AbsoluteUri = absoluteUri;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path with its parameters already encoded, e.g. <c>/v1/Services/KS…</c>.</summary>
    public string Path { get; }

    /// <summary>Set for a next-page request: the server's own address for the page.</summary>
    public Uri? AbsoluteUri { get; }

    /// <summary>Query parameters; null or empty sends none.</summary>
    public ParameterList? Query { get; init; }

    /// <summary>Request headers.</summary>
    public ParameterList? Headers { get; init; }

    /// <summary>The form body. Null sends no body; an empty list sends an empty form body.</summary>
    public ParameterList? Form { get; init; }

    /// <summary>A GET of the page the server named in <c>meta.next_page_url</c>.</summary>
    public static ApiRequest NextPage(Uri nextPageUrl) => nextPageUrl.IsAbsoluteUri
        ? new ApiRequest(nextPageUrl)
        : new ApiRequest(HttpMethod.Get, nextPageUrl.OriginalString);
}
