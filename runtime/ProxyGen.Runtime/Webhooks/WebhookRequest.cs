using System.Text;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// A request an API sent to you (a webhook or callback delivery), as a verifier needs it: the method, the public URL the
/// sender called, the headers, and the raw body exactly as received. Framework-free: build it from ASP.NET Core, an
/// Azure Functions or AWS Lambda request, or a queued message.
/// </summary>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string> _headers;
    private List<KeyValuePair<string, string>>? _form;

    /// <param name="method">The HTTP method (<c>POST</c>).</param>
    /// <param name="url">
    /// The URL the sender called, as the sender saw it: scheme, host, port, path and query. Behind a reverse proxy this is
    /// not the URL the application sees (see the README's "Receiving webhooks").
    /// </param>
    /// <param name="headers">The request headers; names compare case-insensitively, a repeated header's values are joined with <c>", "</c>.</param>
    /// <param name="body">The body, byte for byte.</param>
    public WebhookRequest(string method, string url, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(headers);
        Method = method;
        Url = url;
        Body = body;
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            _headers[name] = _headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        MediaType = Header("Content-Type") is { } type ? type.Split(';')[0].Trim() : null;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The public URL the sender called.</summary>
    public string Url { get; }

    /// <summary>The body, byte for byte.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The media type of the body, without parameters (<c>application/json</c>), or null.</summary>
    public string? MediaType { get; }

    /// <summary>A header's value, or null when the request has none.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// The fields of an <c>application/x-www-form-urlencoded</c> body, decoded, in the order sent (a repeated name once
    /// per value).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields() => _form ??= FormText.Parse(Encoding.UTF8.GetString(Body.Span));
}

/// <summary>The one reader of <c>application/x-www-form-urlencoded</c> text (<c>+</c> is a space, then percent-decoding).</summary>
internal static class FormText
{
    public static List<KeyValuePair<string, string>> Parse(string text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : pair.Substring(equals + 1);
            fields.Add(new(Decode(name), Decode(value)));
        }

        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
