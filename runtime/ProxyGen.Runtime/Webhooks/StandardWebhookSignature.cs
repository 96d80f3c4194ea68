using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// The Standard Webhooks signature (standardwebhooks.com; Svix and the services built on it): headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>, a space-separated list of
/// <c>v1,&lt;Base64 HMAC-SHA256&gt;</c> over <c>id.timestamp.body</c>, keyed with the secret's bytes (the Base64 after
/// <c>whsec_</c>). One matching signature of the list passes (senders list several while they rotate the secret); a
/// timestamp further than <see cref="Tolerance"/> from now is refused, so a captured delivery cannot be replayed later.
/// </summary>
public sealed class StandardWebhookSignature : IWebhookVerifier
{
    private const string Prefix = "whsec_";
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="secret">The signing secret, <c>whsec_</c> and Base64 (the prefix may be left out).</param>
    /// <param name="time">The clock (a test's fake one); the system's by default.</param>
    public StandardWebhookSignature(string secret, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var base64 = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret.Substring(Prefix.Length) : secret;
        try
        {
            _key = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The secret is not 'whsec_' followed by Base64.", nameof(secret), e);
        }

        if (_key.Length == 0)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        _time = time ?? TimeProvider.System;
    }

    /// <summary>How far the timestamp may be from now, either way: five minutes, as the specification recommends.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public WebhookVerdict Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.Header("webhook-id");
        var timestamp = request.Header("webhook-timestamp");
        var signatures = request.Header("webhook-signature");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerdict.Unauthorized("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerdict.Unauthorized("The webhook-timestamp is not Unix seconds.");
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs((decimal)now - seconds) > (decimal)Tolerance.TotalSeconds)
        {
            return WebhookVerdict.Unauthorized(seconds < now ? "The webhook-timestamp is too old (a replay?)." : "The webhook-timestamp is in the future.");
        }

        var expected = Compute(_key, id, timestamp, request.Body.Span);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || entry.AsSpan(0, comma) is not "v1")
            {
                continue;
            }

            var given = new byte[expected.Length];
            if (Convert.TryFromBase64String(entry.Substring(comma + 1), given, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return WebhookVerdict.Pass;
            }
        }

        return WebhookVerdict.Unauthorized("No v1 signature in webhook-signature matches the body.");
    }

    /// <summary>The <c>webhook-signature</c> value (<c>v1,…</c>) for a delivery: what a test or a sender signs with.</summary>
    public static string Sign(string secret, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var key = new StandardWebhookSignature(secret)._key;
        return "v1," + Convert.ToBase64String(Compute(key, id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body));
    }

    private static byte[] Compute(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(id + "." + timestamp + ".");
        var data = new byte[head.Length + body.Length];
        head.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(head.Length));
        return HMACSHA256.HashData(key, data);
    }
}
