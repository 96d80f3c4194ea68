using System.Security.Cryptography;
using System.Text;

namespace ProxyGen.Emulator;

/// <summary>One intercept callback the emulator sent, and what the application answered.</summary>
/// <param name="Url">The Service's InterceptCallbackUrl.</param>
/// <param name="Fields">The form fields sent.</param>
/// <param name="Status">The application's status code (0 when it could not be reached).</param>
public sealed record SentCallback(string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, int Status);

/// <summary>
/// What Twilio does before it forwards an Interaction of a Service with an <c>InterceptCallbackUrl</c>: a form POST,
/// signed with <c>X-Twilio-Signature</c> (Base64 HMAC-SHA1 of the URL followed by each field's name and value, sorted
/// by name, keyed with the Auth Token) — computed here on its own, not with ProxyGen's verifier, so a test of one
/// checks the other. A 403 answer blocks the Interaction; any other answer (or none) lets it through.
/// </summary>
internal sealed class InterceptCallbacks(string authToken) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly List<SentCallback> _sent = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<SentCallback> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    /// <summary>Sends the callback; true when the application blocked the Interaction (403).</summary>
    public async Task<bool> BlocksAsync(string url, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        // Like every test server here, the emulator only ever calls 127.0.0.1.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            Record(new SentCallback(url, fields, 0));
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", Sign(url, fields));
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Record(new SentCallback(url, fields, (int)response.StatusCode));
            return response.StatusCode == System.Net.HttpStatusCode.Forbidden;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Record(new SentCallback(url, fields, 0));
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private string Sign(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1 by definition.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private void Record(SentCallback sent)
    {
        lock (_gate)
        {
            _sent.Add(sent);
        }
    }
}
