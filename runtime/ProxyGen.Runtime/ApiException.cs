using System.Net;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// The server answered with a status outside 2xx, or with a body that could not be read. Carries what the
/// server said: status, Twilio's error <see cref="Code"/> and <see cref="MoreInfo"/>, the raw body and the request id.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception; generated clients and <see cref="ApiConnection"/> call this.</summary>
    public ApiException(
        string message,
        HttpStatusCode statusCode,
        HttpMethod method,
        Uri? requestUri,
        string? responseBody,
        int? code = null,
        string? moreInfo = null,
        string? requestId = null,
        string? serverMessage = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        RequestUri = requestUri;
        ResponseBody = responseBody;
        Code = code;
        MoreInfo = moreInfo;
        RequestId = requestId;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's address.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The response body as text, whatever its format.</summary>
    public string? ResponseBody { get; }

    /// <summary>Twilio's error code (the body's <c>code</c>), e.g. 20404.</summary>
    public int? Code { get; }

    /// <summary>The body's <c>more_info</c> link to the error's documentation.</summary>
    public string? MoreInfo { get; }

    /// <summary>The <c>Twilio-Request-Id</c> response header, for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>The body's <c>message</c>, as the server wrote it.</summary>
    public string? ServerMessage { get; }

    internal static async Task<ApiException> FromResponseAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        int? code = null;
        string? moreInfo = null;
        string? serverMessage = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number && codeElement.TryGetInt32(out var parsed))
                {
                    code = parsed;
                }

                moreInfo = StringMember(root, "more_info");
                serverMessage = StringMember(root, "message") ?? StringMember(root, "detail");
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, plain text): the raw body still travels in ResponseBody.
        }

        var requestId = response.Headers.TryGetValues("Twilio-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        var text = serverMessage ?? (body.Length == 0 ? response.ReasonPhrase : Shorten(body));
        var message = $"{request.Method} {request.RequestUri?.AbsolutePath} failed with {status} {response.ReasonPhrase}"
            + (code is null ? string.Empty : $" (code {code})")
            + (string.IsNullOrEmpty(text) ? "." : $": {text}")
            + (moreInfo is null ? string.Empty : $" See {moreInfo}");
        return new ApiException(message, response.StatusCode, request.Method, request.RequestUri, body, code, moreInfo, requestId, serverMessage);
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static string Shorten(string body) => body.Length <= 200 ? body.Trim() : body[..200].Trim() + "…";
}
