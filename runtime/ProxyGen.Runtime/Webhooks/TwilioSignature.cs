using System.Security.Cryptography;
using System.Text;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// Twilio's <c>X-Twilio-Signature</c>: Base64 of HMAC-SHA1, keyed with the account's Auth Token, over the full public URL
/// Twilio called followed, for a form body, by every field name and value sorted by name (ordinal, as Twilio sorts), with
/// no separators. A JSON body is signed through the URL instead: its <c>bodySHA256</c> query parameter is the hex SHA-256
/// of the body, which is checked too.
/// </summary>
/// <remarks>
/// The URL must be the one Twilio called (<c>https</c>, the public host, the port if it had one, the query). Behind a
/// reverse proxy the application sees another one: forward the original scheme and host (ASP.NET Core's
/// <c>ForwardedHeaders</c>) or give the public base URL. A URL with and without its scheme's default port (<c>:443</c>)
/// are the same; another port or scheme is not.
/// </remarks>
public sealed class TwilioSignature : IWebhookVerifier
{
    /// <summary>The header Twilio signs with.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    private readonly byte[][] _keys;

    /// <param name="authTokens">
    /// The Auth Token, and during a rotation the secondary one too: a signature made with any of them passes.
    /// </param>
    public TwilioSignature(params string[] authTokens)
    {
        ArgumentNullException.ThrowIfNull(authTokens);
        if (authTokens.Length == 0 || authTokens.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An Auth Token is required, and none may be empty.", nameof(authTokens));
        }

        _keys = authTokens.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <inheritdoc />
    public WebhookVerdict Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(HeaderName) is not { Length: > 0 } header)
        {
            return WebhookVerdict.Unauthorized($"No {HeaderName} header.");
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return WebhookVerdict.Unauthorized($"The {HeaderName} header is not Base64.");
        }

        string payloadAfterUrl;
        if (BodyHashOf(request.Url) is { } bodyHash)
        {
            // A JSON (or any non-form) body: the URL carries the body's hash, and the URL alone is signed.
            var actual = Convert.ToHexString(SHA256.HashData(request.Body.Span));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual.ToLowerInvariant()), Encoding.ASCII.GetBytes(bodyHash.ToLowerInvariant())))
            {
                return WebhookVerdict.Unauthorized("The body does not match the URL's bodySHA256.");
            }

            payloadAfterUrl = string.Empty;
        }
        else if (string.Equals(request.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            payloadAfterUrl = SortedFields(request.FormFields());
        }
        else if (request.Body.IsEmpty)
        {
            payloadAfterUrl = string.Empty;
        }
        else
        {
            return WebhookVerdict.Unauthorized("A body that is not a form must be signed through the URL's bodySHA256 parameter.");
        }

        foreach (var url in UrlForms(request.Url))
        {
            var data = Encoding.UTF8.GetBytes(url + payloadAfterUrl);
            foreach (var key in _keys)
            {
                if (CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(key, data), given))
                {
                    return WebhookVerdict.Pass;
                }
            }
        }

        return WebhookVerdict.Unauthorized($"The {HeaderName} does not match: the body, the URL ({SafeUrl(request.Url)}) or the Auth Token differs from what Twilio signed.");
    }

    /// <summary>The signature Twilio sends for <paramref name="url"/> and form <paramref name="fields"/>: what a test or an emulator signs with.</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(fields);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(url + SortedFields(fields))));
    }

    /// <summary>
    /// Names sorted ordinally; one name's values sorted too (Twilio's own validators sort them), each appended as
    /// name then value.
    /// </summary>
    private static string SortedFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var builder = new StringBuilder();
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal))
        {
            builder.Append(field.Key).Append(field.Value);
        }

        return builder.ToString();
    }

    private static string? BodyHashOf(string url)
    {
        var query = url.IndexOf('?');
        if (query < 0)
        {
            return null;
        }

        var fragment = url.IndexOf('#', query);
        var text = fragment < 0 ? url.Substring(query + 1) : url.Substring(query + 1, fragment - query - 1);
        return FormText.Parse(text).FirstOrDefault(f => f.Key == "bodySHA256").Value;
    }

    /// <summary>The URL as given, and with its scheme's default port added or removed (Twilio signs either, by how the URL was configured).</summary>
    private static IEnumerable<string> UrlForms(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsDefaultPort)
        {
            yield break;
        }

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url.Substring(authorityStart) : url.Substring(authorityStart, authorityEnd - authorityStart);
        var rest = authorityEnd < 0 ? string.Empty : url.Substring(authorityEnd);
        var hostPart = authority.Contains('@') ? authority.Substring(authority.LastIndexOf('@') + 1) : authority;
        var hasPort = hostPart.LastIndexOf(':') > hostPart.LastIndexOf(']');
        var prefix = url.Substring(0, authorityStart);
        yield return hasPort
            ? prefix + authority.Substring(0, authority.LastIndexOf(':')) + rest
            : prefix + authority + ":" + uri.Port + rest;
    }

    /// <summary>The URL without its query, for a message that may be logged.</summary>
    private static string SafeUrl(string url) => url.IndexOf('?') is var query and >= 0 ? url.Substring(0, query) : url;
}
